// One sheet of an import: finds the header row (or takes the mapping's),
// skips and reports title, blank, hidden and total rows, and hands the data
// rows to the mapper of the sheet's layout.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "table/sheet_context.hpp"

namespace kdx::table_detail {

class SheetReader {
  public:
    SheetReader(ImportContext& import, const SheetInfo& sheet);

    // False when the rest of the sheet is of no use (no header was found).
    bool row(const Row& row);
    // Reports what is pending; call once after the last row.
    void end();

    bool header_found() const noexcept { return layout_.has_value(); }
    // True when the records of the rows so far are complete (see RowMapper).
    bool records_final() const { return mapper_ && mapper_->records_final(); }
    // True when a header was found or named but could not be used (reported already).
    bool header_problem() const noexcept { return reported_; }
    // When the sheet had data rows but gave no figures: what to tell the user
    // if no other sheet of the file gave any either (empty otherwise).
    const std::string& no_figures() const noexcept { return no_figures_; }
    Location no_figures_at() const { return context_.at(header_row_); }
    // When no header was found: the rows searched and what the closest row
    // lacked, e.g. `sheet "Ark1" rows 1-12 (row 3 names a year ("År") but no
    // municipality column)`.
    std::string searched() const;

    // How many rows are searched for a header before a sheet is given up.
    static constexpr std::size_t header_search_rows = 30;

  private:
    void cite_imdi();  // records the IMDi statistic a file in IMDi's layout comes from
    enum class Stage { header, rows, done };

    // True when `row` is (also) a data row.
    bool search_header(const Row& row);
    // The header `pending_` completed by the year row below it ("2012" under
    // "Bosetting: Anmodning om bosetting"); nullopt when `row` is no year row.
    std::optional<Row> with_years(const Row& row) const;
    void remember_candidate(const Row& row);
    bool start(const Row* header, std::optional<Layout> layout, const std::string& problem);
    bool choose_year();
    // The text that makes a row a total row ("Sum"); nullopt for other rows.
    std::optional<std::string> total_text(const Row& row) const;
    bool repeats_header(const Row& row) const;

    SheetContext context_;
    Stage stage_ = Stage::header;
    bool reported_ = false;  // a problem with the header was reported already
    std::string no_figures_;
    std::size_t data_rows_ = 0;  // rows given to the mapper
    std::uint32_t header_row_ = 1;
    std::size_t rows_searched_ = 0;
    std::vector<std::pair<std::uint32_t, std::string>> titles_;  // rows above the header; "" blank
    std::optional<Layout> layout_;
    // A header naming the same column more than once, held back one row: IMDi
    // gives the years in a second header row.
    std::optional<Row> pending_;
    std::uint32_t first_searched_ = 0, last_searched_ = 0;
    std::size_t best_known_ = 0;  // columns kdx knows in the closest row to a header
    std::uint32_t best_row_ = 0;
    std::string best_says_;                  // what that row names and lacks
    std::vector<std::string> header_texts_;  // normalised, for repeated headers
    std::unique_ptr<RowMapper> mapper_;
};

}  // namespace kdx::table_detail
