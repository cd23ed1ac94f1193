// A file format as plugins offer it: what it can do, its options, and the
// calls that read and write.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx {

class Document;  // a report; see the report engine

// What a format can do.
enum Capability : unsigned {
    can_read_dataset = 1u << 0,
    can_write_dataset = 1u << 1,
    can_write_document = 1u << 2,
    // write_document() may run on several threads at once, each with its own
    // document and file: the format keeps no state between calls, and the
    // libraries it uses are safe so. Without it kdx writes that format's
    // files one at a time (beside other formats' files). An older host
    // ignores the bit.
    can_write_in_parallel = 1u << 3,
};

// Option values as given by the user: name -> text.
using Options = std::map<std::string, std::string>;

// One read or write option a format accepts, declared as data.
struct OptionInfo {
    enum class Type { string, integer, boolean, choice };
    std::string name;
    Type type = Type::string;
    std::string default_value;
    std::vector<std::string> allowed;  // for Type::choice
    std::string description;
};

// A format's declaration: feeds `kdx plugins`, extension lookup and option checks.
struct FormatInfo {
    std::string name;                     // short id used with --from/--to, e.g. "xml"
    std::string long_name;                // e.g. "kdx XML exchange format"
    std::vector<std::string> extensions;  // lower case, without dot, e.g. {"xml"}
    unsigned capabilities = 0;            // Capability bits
    std::vector<OptionInfo> read_options;
    std::vector<OptionInfo> write_options;

    bool can(Capability c) const noexcept { return (capabilities & c) != 0; }
};

// A format implementation. Each call reports problems it can work around in
// `diagnostics` and throws kdx::Error for input it cannot read or output it
// cannot write. Writers must write through AtomicFile so a failure leaves no
// file behind. The defaults throw kdx::Error saying the format cannot do it.
class Format {
public:
    virtual ~Format();

    virtual FormatInfo info() const = 0;

    virtual Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                                 Diagnostics& diagnostics);
    virtual void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                               const Options& options, Diagnostics& diagnostics);
    virtual void write_document(const Document& document, const std::filesystem::path& output,
                                const Options& options, Diagnostics& diagnostics);
};

}  // namespace kdx
