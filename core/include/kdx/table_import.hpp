// Maps spreadsheet and CSV tables onto the model: finds the header row,
// recognises columns by their (Norwegian) headers or by a mapping file, reads
// values as Norwegian partners write them, and names every cell it could not use.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"
#include "kdx/table.hpp"

namespace kdx {

struct TableImportOptions {
    std::string mapping_file;     // a kdx-mapping-1 XML file; empty: recognise columns by header
    std::string sheet;            // only this sheet; empty: every sheet with a recognisable header
    bool include_hidden = false;  // read hidden sheets and rows too
    std::string symbols;  // whose table symbols: "ssb", "imdi", "kdx"; empty: the layout's or kdx's
};

// The read options every table format declares ("mapping", "sheet", "include-hidden",
// "symbols").
const std::vector<OptionInfo>& table_import_option_infos();
// Picks those options out of user-given Options (others are left to the format);
// throws kdx::OptionError for a bad value.
TableImportOptions table_import_options(const Options& options);

// A TableSink that adds what it reads to a Dataset and reports to Diagnostics.
// Readers push every sheet into it and call finish() at the end.
class TableImporter : public TableSink {
  public:
    TableImporter(Dataset& dataset, Diagnostics& diagnostics, TableImportOptions options = {});
    ~TableImporter() override;

    bool begin_sheet(const SheetInfo& sheet) override;
    bool row(const Row& row) override;
    void end_sheet() override;
    // Reports sheets or files from which nothing could be mapped.
    void finish();

    // Hands the settlement figures and outcomes to `sink` in parts of about
    // `part_size` records as they are complete (Format::read_batches), instead
    // of keeping them in the dataset; the last part goes in finish(). Call
    // before the first sheet. Repeated keys are dealt with on compact keys;
    // one that needs the records themselves is passed to sink.needs_whole(),
    // after which nothing more is read (stopped() is true).
    void stream_to(BatchSink& sink, std::size_t part_size = 8192);
    bool stopped() const noexcept;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace kdx
