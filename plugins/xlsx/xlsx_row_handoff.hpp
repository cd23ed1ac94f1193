// Rows of a big worksheet passed from the thread that scans its XML to the
// thread that imports them (xlsx_sheet.cpp), in batches, with the cell
// messages the scanning side gave before each row, so that the importing side
// sees rows and messages in the order one thread would have made them.
#pragma once

#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/table.hpp"

namespace kdx::xlsx {

// Formulas met without a saved result, and the first one's cell.
struct MissingResults {
    std::uint64_t count = 0;
    std::uint64_t row = 0;
    std::uint64_t column = 0;
};

struct RowBatch {
    std::vector<Row> rows;  // the first `count` are this batch's
    std::size_t count = 0;
    std::size_t cells = 0;
    Diagnostics messages;
    std::vector<std::size_t> before;      // messages given before rows[i] was complete
    std::vector<MissingResults> missing;  // as they were when rows[i] was complete
};

class RowHandoff {
  public:
    // A batch is handed over at `batch_rows` rows, or sooner when its rows
    // have many cells.
    explicit RowHandoff(std::size_t batch_rows) : batch_rows_(batch_rows < 1 ? 1 : batch_rows) {}

    // Scanning side. Where the scanner's handler puts its cell messages.
    Diagnostics& messages() noexcept { return pending_; }
    // Takes `row` (swapping in an old row to fill next); false once the
    // importing side has stopped.
    bool push(Row& row, const MissingResults& missing);
    // The sheet is done: `missing` as at its end, or the error that ended it.
    void finish(const MissingResults& missing, std::exception_ptr error);

    // Importing side. The next batch, or nullptr after the last.
    RowBatch* next();
    // Gives the batch next() returned back to the scanning side.
    void release();
    // After next() returned nullptr: rethrows the scanning side's error, or
    // gives what it found at the end of the sheet.
    MissingResults end() const;
    // The importing side stops; push() then returns false.
    void stop();

  private:
    static constexpr std::size_t slots = 4;
    static constexpr std::size_t batch_cells = 16384;
    const std::size_t batch_rows_;

    bool open_batch();  // waits for a free slot; false when stopped
    void hand_over();   // the batch being filled becomes readable

    std::mutex mutex_;
    std::condition_variable changed_;
    std::array<RowBatch, slots> batches_;
    std::size_t head_ = 0, filled_ = 0;
    bool finished_ = false, stopped_ = false;
    std::exception_ptr error_;
    MissingResults end_;

    RowBatch* filling_ = nullptr;  // scanning side only
    Diagnostics pending_;          // scanning side only
};

}  // namespace kdx::xlsx
