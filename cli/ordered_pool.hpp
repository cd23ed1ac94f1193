// A few worker threads for independent jobs whose results are taken in the
// order the jobs were given, so that what a command prints and collects is the
// same whichever thread finished first.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kdx::cli {

class OrderedPool {
  public:
    // `threads` workers; with 1 (or less) each job runs inside submit(), on
    // the calling thread, with no thread started at all.
    explicit OrderedPool(int threads);
    // Waits for the jobs that are running; those not started are dropped.
    ~OrderedPool();
    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    // Queues `work` (run on a worker) and `done` (run on the calling thread
    // after `work`, and after the `done` of every job given before). An
    // exception from `work` is thrown again from the call that would run its
    // `done`. Blocks while more than a few jobs per thread are waiting, so a
    // caller that makes jobs faster than they run holds only a few at once.
    void submit(std::function<void()> work, std::function<void()> done);
    // Runs the `done` of every job; returns when all have run.
    void finish();

    // The hardware threads, at least 1: the default number of threads.
    static int hardware_threads();

  private:
    struct Job {
        std::function<void()> work;
        std::function<void()> done;
        bool finished = false;
        std::exception_ptr error;
    };
    void run_worker();
    // Runs the `done` of the finished jobs at the front; with `wait`, waits
    // for the front job first.
    void take_finished(bool wait);

    std::size_t limit_ = 0;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable job_finished_;
    std::deque<std::shared_ptr<Job>> jobs_;  // given, not yet taken; front is the oldest
    std::size_t started_ = 0;                // how many of jobs_ a worker has begun
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace kdx::cli
