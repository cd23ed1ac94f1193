// A file format as plugins offer it: what it can do, its options, and the
// calls that read and write.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
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
    // ABI 2.1: read_batches() hands the dataset over in parts as it reads.
    // The host calls it only on a plugin built for ABI 2.1 or later.
    can_read_batches = 1u << 4,
    // ABI 2.1: open_batches() takes the dataset in parts (it may still answer
    // nullptr for options that need the whole dataset).
    can_write_batches = 1u << 5,
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

// Takes a dataset in parts from Format::read_batches (ABI 2.1).
class BatchSink {
  public:
    virtual ~BatchSink();
    // `part` holds the settlement figures and outcomes read since the last
    // call, in reading order, with no key that an earlier part had (a
    // repetition is dealt with by the reader, as read_dataset does). Its
    // other members are the reader's state so far: the sources the origins
    // point to, and the municipalities, indicators and info read until now,
    // which may still grow or be completed. The sink may move the records out.
    // Returns false to stop reading: read_batches then returns at once.
    virtual bool records(Dataset& part) = 0;
    // The reader met what it can only settle with the whole dataset at hand
    // (e.g. a repeated key whose records differ, naming both figures): the
    // caller should read the input again with read_dataset(). read_batches
    // returns soon after, and what it handed over is to be thrown away.
    virtual void needs_whole(const std::string& why) = 0;
};

// Writes a dataset taken in parts (ABI 2.1), from Format::open_batches.
// Destroyed without commit() it leaves the output as it was.
class BatchWriter {
  public:
    virtual ~BatchWriter();
    // Writes the settlement figures and outcomes of `part`, a part as a
    // BatchSink gets it (other members: the state so far, for lookups).
    virtual void write(const Dataset& part, Diagnostics& diagnostics) = 0;
    // Writes `rest` (the dataset without the records given to write(): its
    // municipalities, programmes, nominations, indicators, info, sources, and
    // any records not handed over) after them, and puts the file in place.
    // The output is then as write_dataset() of the whole dataset makes it.
    virtual void commit(const Dataset& rest, Diagnostics& diagnostics) = 0;
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

    // ABI 2.1, called only with can_read_batches declared: as read_dataset(),
    // but the settlement figures and outcomes are handed to `sink` in parts as
    // they are read; returns the rest (everything not handed over), to which
    // the parts belong in front. Diagnostics are the same as read_dataset()'s.
    virtual Dataset read_batches(const std::filesystem::path& input, const Options& options,
                                 BatchSink& sink, Diagnostics& diagnostics);
    // ABI 2.1, called only with can_write_batches declared: a writer that
    // takes the dataset in parts, or nullptr when these options need the
    // whole dataset at once (the caller then uses write_dataset()).
    virtual std::unique_ptr<BatchWriter> open_batches(const std::filesystem::path& output,
                                                      const Options& options,
                                                      Diagnostics& diagnostics);
};

}  // namespace kdx
