// A complete, correct dataset format ("sample": the whole model as JSON) for
// testing kdx-plugin-check, with one fault switched on by SAMPLE_FAULT so the
// checker's verdict on each fault can be asserted.
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "kdx/kdx.hpp"

#define FAULT_NONE 0
#define FAULT_ABORT_IN_READ 1
#define FAULT_SEGFAULT_IN_READ 2
#define FAULT_STD_EXCEPTION_IN_READ 3
#define FAULT_ZERO_READ_AS_MISSING 4
#define FAULT_BAD_METADATA 5
#define FAULT_NOT_ATOMIC 6
#define FAULT_HANGS_IN_READ 7

#ifndef SAMPLE_FAULT
#define SAMPLE_FAULT FAULT_NONE
#endif

namespace {

using nlohmann::json;

json value_json(const kdx::Value& v) {
    if (v.is_missing()) return nullptr;
    if (v.is_suppressed()) return ":";
    return v.get();
}

kdx::Value value_from(const json& j) {
    if (j.is_null()) return kdx::Value::missing();
    if (j.is_string() && j.get<std::string>() == ":") return kdx::Value::suppressed();
    double d = j.get<double>();
    if (SAMPLE_FAULT == FAULT_ZERO_READ_AS_MISSING && d == 0) return kdx::Value::missing();
    return d;
}

template <typename E>
E enum_from(const json& j, std::optional<E> (*parse)(const std::string&)) {
    auto e = parse(j.get<std::string>());
    if (!e) throw std::invalid_argument("unknown value \"" + j.get<std::string>() + "\"");
    return *e;
}

json to_json(const kdx::Dataset& d) {
    json j;
    j["info"] = {{"title", d.info.title},
                 {"description", d.info.description},
                 {"language", d.info.language},
                 {"provenance", d.info.provenance}};
    for (const auto& i : d.indicators)
        j["indicators"].push_back({{"id", i.id},
                                   {"nb", i.label_nb},
                                   {"nn", i.label_nn},
                                   {"en", i.label_en},
                                   {"unit", kdx::to_string(i.unit)},
                                   {"additive", i.additive}});
    for (const auto& m : d.municipalities)
        j["municipalities"].push_back(
            {{"number", m.number},
             {"name", m.name},
             {"county_number", m.county_number},
             {"county_name", m.county_name},
             {"region", m.imdi_region},
             {"language", kdx::to_string(m.language)},
             {"population", m.population ? json(*m.population) : json(nullptr)},
             {"other_names", m.other_names},
             {"valid_from", m.valid_from},
             {"valid_to", m.valid_to}});
    for (const auto& s : d.settlement)
        j["settlement"].push_back({{"municipality", s.municipality},
                                   {"year", s.year},
                                   {"requested", value_json(s.requested)},
                                   {"decided", value_json(s.decided)},
                                   {"settled", value_json(s.settled)},
                                   {"minors", value_json(s.unaccompanied_minors)},
                                   {"reunifications", value_json(s.family_reunifications)}});
    for (const auto& p : d.programmes)
        j["programmes"].push_back({{"id", p.id},
                                   {"municipality", p.municipality},
                                   {"kind", kdx::to_string(p.kind)},
                                   {"name", p.name},
                                   {"description", p.description},
                                   {"partners", p.partners},
                                   {"years", p.years}});
    for (const auto& o : d.outcomes)
        j["outcomes"].push_back({{"municipality", o.municipality},
                                 {"programme", o.programme},
                                 {"indicator", o.indicator},
                                 {"year", o.year},
                                 {"value", value_json(o.value)},
                                 {"unit", kdx::to_string(o.unit)},
                                 {"cohort", value_json(o.cohort_size)},
                                 {"source", o.source}});
    for (const auto& n : d.nominations) {
        json sections = json::array();
        for (const auto& s : n.sections) sections.push_back({s.heading, s.text});
        j["nominations"].push_back({{"prize", n.prize},
                                    {"year", n.year},
                                    {"municipality", n.municipality},
                                    {"status", kdx::to_string(n.status)},
                                    {"summary", n.summary},
                                    {"sections", sections},
                                    {"updated", n.last_updated},
                                    {"votes", value_json(n.votes)}});
    }
    j["format"] = "kdx-sample";
    return j;
}

kdx::Dataset from_json(const json& j) {
    if (!j.is_object() || j.value("format", "") != "kdx-sample")
        throw std::invalid_argument("expected a JSON object with \"format\": \"kdx-sample\"");
    kdx::Dataset d;
    const json& info = j.at("info");
    d.info.title = info.at("title");
    d.info.description = info.at("description");
    d.info.language = info.at("language");
    d.info.provenance = info.at("provenance").get<std::vector<std::string>>();
    for (const auto& i : j.value("indicators", json::array()))
        d.indicators.push_back({i.at("id"), i.at("nb"), i.at("nn"), i.at("en"),
                                enum_from(i.at("unit"), kdx::unit_from_string), i.at("additive")});
    for (const auto& m : j.value("municipalities", json::array())) {
        kdx::Municipality x;
        x.number = m.at("number");
        x.name = m.at("name");
        x.county_number = m.at("county_number");
        x.county_name = m.at("county_name");
        x.imdi_region = m.at("region");
        x.language = enum_from(m.at("language"), kdx::language_form_from_string);
        if (!m.at("population").is_null()) x.population = m.at("population").get<std::int64_t>();
        x.other_names = m.at("other_names").get<std::vector<std::string>>();
        x.valid_from = m.at("valid_from");
        x.valid_to = m.at("valid_to");
        d.municipalities.push_back(x);
    }
    for (const auto& s : j.value("settlement", json::array()))
        d.settlement.push_back({s.at("municipality"),
                                s.at("year"),
                                value_from(s.at("requested")),
                                value_from(s.at("decided")),
                                value_from(s.at("settled")),
                                value_from(s.at("minors")),
                                value_from(s.at("reunifications")),
                                {}});
    for (const auto& p : j.value("programmes", json::array()))
        d.programmes.push_back({p.at("id"),
                                p.at("municipality"),
                                enum_from(p.at("kind"), kdx::programme_kind_from_string),
                                p.at("name"),
                                p.at("description"),
                                p.at("partners").get<std::vector<std::string>>(),
                                p.at("years").get<std::vector<int>>(),
                                {}});
    for (const auto& o : j.value("outcomes", json::array()))
        d.outcomes.push_back({o.at("municipality"),
                              o.at("programme"),
                              o.at("indicator"),
                              o.at("year"),
                              value_from(o.at("value")),
                              enum_from(o.at("unit"), kdx::unit_from_string),
                              value_from(o.at("cohort")),
                              o.at("source"),
                              {}});
    for (const auto& n : j.value("nominations", json::array())) {
        kdx::Nomination x;
        x.prize = n.at("prize");
        x.year = n.at("year");
        x.municipality = n.at("municipality");
        x.status = enum_from(n.at("status"), kdx::nomination_status_from_string);
        x.summary = n.at("summary");
        for (const auto& s : n.at("sections")) x.sections.push_back({s.at(0), s.at(1)});
        x.last_updated = n.at("updated");
        x.votes = value_from(n.at("votes"));
        d.nominations.push_back(x);
    }
    return d;
}

class SampleFormat : public kdx::Format {
  public:
    kdx::FormatInfo info() const override {
        kdx::FormatInfo i;
        using T = kdx::OptionInfo::Type;
#if SAMPLE_FAULT == FAULT_BAD_METADATA
        i.name = "Sample Format";
        i.extensions = {".SMP"};
        i.write_options = {{ "indent", T::integer, "two", {}, "Spaces to indent with" }};
#else
        i.name = "sample";
        i.long_name = "The whole kdx model as JSON, for tests";
        i.extensions = {"sample"};
        i.write_options = {{"indent", T::integer, "-1", {}, "Spaces to indent with; -1: one line"}};
        i.read_options = {{"strict", T::boolean, "true", {}, "Reject unknown keys (always on)"}};
#endif
        i.capabilities = kdx::can_read_dataset | kdx::can_write_dataset;
        return i;
    }

    kdx::Dataset read_dataset(const std::filesystem::path& input, const kdx::Options&,
                              kdx::Diagnostics&) override {
        if (SAMPLE_FAULT == FAULT_ABORT_IN_READ) std::abort();
        if (SAMPLE_FAULT == FAULT_SEGFAULT_IN_READ) std::raise(SIGSEGV);
        if (SAMPLE_FAULT == FAULT_STD_EXCEPTION_IN_READ) throw std::runtime_error("cannot cope");
        // Only on empty files, so that one check (not all of them) waits for the timeout.
        if (SAMPLE_FAULT == FAULT_HANGS_IN_READ && std::filesystem::is_regular_file(input) &&
            std::filesystem::file_size(input) == 0)
            for (volatile int spin = 0;; spin = spin + 1) {
            }
        std::ifstream in(input, std::ios::binary);
        if (!in) throw kdx::Error("cannot open the file", kdx::Location::at(input.string()));
        try {
            return from_json(json::parse(in));
        } catch (const std::exception& e) {
            throw kdx::Error(std::string("not a kdx sample file: ") + e.what(),
                             kdx::Location::at(input.string()));
        }
    }

    void write_dataset(const kdx::Dataset& d, const std::filesystem::path& output,
                       const kdx::Options& options, kdx::Diagnostics&) override {
        auto indent = options.count("indent") ? std::stoi(options.at("indent")) : -1;
        std::string text = to_json(d).dump(indent);
#if SAMPLE_FAULT == FAULT_NOT_ATOMIC
        std::ofstream(output, std::ios::binary) << text;
#else
        kdx::AtomicFile file(output);
        file.stream() << text;
        file.commit();
#endif
    }
};

void register_formats(kdx::Registrar& r) {
    r.set_info({SAMPLE_NAME, "1.0.0", "The whole model as JSON, for testing kdx-plugin-check"});
    r.add_format(std::make_unique<SampleFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
