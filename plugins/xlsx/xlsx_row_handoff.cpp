#include "xlsx_row_handoff.hpp"

#include <utility>

namespace kdx::xlsx {

bool RowHandoff::open_batch() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || filled_ < slots; });
    if (stopped_) return false;
    filling_ = &batches_[(head_ + filled_) % slots];
    filling_->count = 0;
    filling_->cells = 0;
    filling_->before.clear();
    filling_->missing.clear();
    return true;
}

void RowHandoff::hand_over() {
    // The messages since the last batch are this batch's (read by the
    // importing side only after the lock below).
    filling_->messages = std::move(pending_);
    pending_ = Diagnostics();
    std::lock_guard<std::mutex> lock(mutex_);
    ++filled_;
    filling_ = nullptr;
    changed_.notify_all();
}

bool RowHandoff::push(Row& row, const MissingResults& missing) {
    if (!filling_ && !open_batch()) return false;
    RowBatch& b = *filling_;
    if (b.count == b.rows.size()) b.rows.emplace_back();
    b.cells += row.cells.size();
    std::swap(b.rows[b.count++], row);
    b.before.push_back(pending_.items().size());
    b.missing.push_back(missing);
    if (b.count == batch_rows_ || b.cells >= batch_cells) hand_over();
    return true;
}

void RowHandoff::finish(const MissingResults& missing, std::exception_ptr error) {
    // Messages after the last row (or of a sheet with no rows) go in a batch
    // of their own or with the rows still held.
    if (filling_ || !pending_.empty() || error) {
        if (!filling_ && !open_batch()) return;
        hand_over();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    end_ = missing;
    error_ = std::move(error);
    finished_ = true;
    changed_.notify_all();
}

RowBatch* RowHandoff::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return filled_ > 0 || finished_; });
    return filled_ > 0 ? &batches_[head_] : nullptr;
}

void RowHandoff::release() {
    std::lock_guard<std::mutex> lock(mutex_);
    head_ = (head_ + 1) % slots;
    --filled_;
    changed_.notify_all();
}

MissingResults RowHandoff::end() const {
    if (error_) std::rethrow_exception(error_);
    return end_;
}

void RowHandoff::stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
}

}  // namespace kdx::xlsx
