#include "ordered_pool.hpp"

namespace kdx::cli {

OrderedPool::OrderedPool(int threads) {
    if (threads <= 1) return;
    limit_ = 4 * static_cast<std::size_t>(threads);
    threads_.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { run_worker(); });
}

OrderedPool::~OrderedPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : threads_) t.join();
}

int OrderedPool::hardware_threads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

void OrderedPool::run_worker() {
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            work_ready_.wait(lock, [&] { return stopping_ || started_ < jobs_.size(); });
            if (stopping_) return;
            job = jobs_[started_++];
        }
        try {
            job->work();
        } catch (...) {
            job->error = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            job->finished = true;
        }
        job_finished_.notify_all();
    }
}

void OrderedPool::submit(std::function<void()> work, std::function<void()> done) {
    if (threads_.empty()) {
        work();
        done();
        return;
    }
    auto job = std::make_shared<Job>();
    job->work = std::move(work);
    job->done = std::move(done);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    work_ready_.notify_one();
    take_finished(false);
    for (;;) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (jobs_.size() <= limit_) break;
        }
        take_finished(true);
    }
}

void OrderedPool::finish() {
    for (;;) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (jobs_.empty()) return;
        }
        take_finished(true);
    }
}

void OrderedPool::take_finished(bool wait) {
    for (bool first = true;; first = false) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            if (wait && first)
                job_finished_.wait(lock, [&] { return jobs_.empty() || jobs_.front()->finished; });
            if (jobs_.empty() || !jobs_.front()->finished) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            --started_;
        }
        // Outside the lock: `done` may print, and the workers go on meanwhile.
        if (job->error) std::rethrow_exception(job->error);
        job->done();
    }
}

}  // namespace kdx::cli
