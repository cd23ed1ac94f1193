// A plugin whose formats misbehave on purpose, one way each. Every format reads
// any file as one small dataset (or, for fault-garbage, as nonsense), so a
// test can drive its writer with `kdx convert in.<ext> out.<ext>`.
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <stdexcept>

#include "kdx/kdx.hpp"

namespace {

kdx::Dataset small_dataset() {
    kdx::Dataset d;
    d.municipalities.push_back({"0301", "Oslo", "03", "Oslo", "", {}, {}, {}, 0, 0, {}});
    kdx::SettlementFigures s;
    s.municipality = "0301";
    s.year = 2018;
    s.requested = 600;
    s.decided = 600;
    s.settled = 512;
    d.settlement.push_back(s);
    return d;
}

// Everything a careless reader might hand back: bytes that are not UTF-8,
// control characters, an impossible year, negative and non-finite counts.
kdx::Dataset garbage_dataset() {
    kdx::Dataset d;
    d.municipalities.push_back(
        {"03\xff\x01", "O\xc3slo\x07", "9\x80", "", "", {}, {}, {}, 0, 0, {}});
    kdx::SettlementFigures s;
    s.municipality = "03\xff\x01";
    s.year = -99999;
    s.requested = -5;
    s.decided = std::numeric_limits<double>::quiet_NaN();
    s.settled = std::numeric_limits<double>::infinity();
    d.settlement.push_back(s);
    kdx::SettlementFigures orphan;
    orphan.municipality = "9999";
    orphan.year = 2018;
    orphan.settled = 1e300;
    d.settlement.push_back(orphan);
    return d;
}

enum class Fault { throws, aborts, segfaults, empty, garbage, prints };

class FaultFormat : public kdx::Format {
  public:
    FaultFormat(Fault fault, std::string name) : fault_(fault), name_(std::move(name)) {}

    kdx::FormatInfo info() const override {
        kdx::FormatInfo i;
        i.name = "fault-" + name_;
        i.long_name = "Test format that fails: " + name_;
        i.extensions = {name_};
        i.capabilities = kdx::can_read_dataset | kdx::can_write_dataset;
        return i;
    }

    kdx::Dataset read_dataset(const std::filesystem::path&, const kdx::Options&,
                              kdx::Diagnostics&) override {
        if (fault_ == Fault::empty) return {};
        if (fault_ == Fault::garbage) return garbage_dataset();
        return small_dataset();
    }

    void write_dataset(const kdx::Dataset& d, const std::filesystem::path& output,
                       const kdx::Options&, kdx::Diagnostics&) override {
        if (fault_ == Fault::empty) return;  // claims success, writes nothing
        if (fault_ == Fault::prints) {
            // Writes a good file, but chats on stdout on the way, by each route.
            std::puts("HELLO FROM PLUGIN (puts)");
            std::cout << "HELLO FROM PLUGIN (cout)" << std::endl;
            std::fflush(stdout);
        }
        kdx::AtomicFile file(output);
        for (int i = 0; i < 1000; ++i)
            file.stream() << "half-written " << d.municipalities.size() << '\n';
        file.stream().flush();
        switch (fault_) {
            case Fault::throws:
                throw std::runtime_error("the disk is on fire");
            case Fault::aborts:
                std::abort();
            case Fault::segfaults:
                std::raise(SIGSEGV);
                break;
            default:
                break;
        }
        file.commit();
    }

  private:
    Fault fault_;
    std::string name_;
};

void register_formats(kdx::Registrar& r) {
    r.set_info({"fault", "0.0.1", "Formats that fail on purpose"});
    r.add_format(std::make_unique<FaultFormat>(Fault::throws, "throw"));
    r.add_format(std::make_unique<FaultFormat>(Fault::aborts, "abort"));
    r.add_format(std::make_unique<FaultFormat>(Fault::segfaults, "segv"));
    r.add_format(std::make_unique<FaultFormat>(Fault::empty, "empty"));
    r.add_format(std::make_unique<FaultFormat>(Fault::garbage, "garbage"));
    r.add_format(std::make_unique<FaultFormat>(Fault::prints, "chatty"));
}

}  // namespace

KDX_PLUGIN(register_formats)
