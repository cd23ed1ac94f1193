#include "table/stream_repeats.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <stdexcept>
#include <utility>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace kdx::table_detail {

namespace {

std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

std::uint64_t add(std::uint64_t h, const Value& v) {
    double d = v.get();
    std::uint64_t bits = 0;
    if (d != 0) std::memcpy(&bits, &d, sizeof bits);  // 0 and -0 are equal figures
    return mix(h ^ mix(bits + static_cast<std::uint64_t>(v.state()) + 1));
}

std::uint32_t fold(std::uint64_t h) { return static_cast<std::uint32_t>(h ^ (h >> 32)); }

// Zeroed slots of a table read at random. calloc takes a large array from the
// kernel zeroed, without a pass of its own, and on Linux the array asks for
// huge pages: with 4 KB ones each page of a table of millions of slots was a
// fault of its own, and a lookup missed the TLB as well as the cache.
class Slots {
  public:
    explicit Slots(std::size_t size)
        : data_(static_cast<std::uint64_t*>(std::calloc(size, sizeof(std::uint64_t)))),
          size_(size) {
        if (!data_) throw std::bad_alloc();
#ifdef __linux__
        constexpr std::uintptr_t huge = 2 << 20;
        const std::uintptr_t from =
            (reinterpret_cast<std::uintptr_t>(data_) + huge - 1) & ~(huge - 1);
        const std::uintptr_t to = reinterpret_cast<std::uintptr_t>(data_ + size) & ~(huge - 1);
        if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
#endif
    }
    Slots(Slots&& other) noexcept : data_(other.data_), size_(other.size_) {
        other.data_ = nullptr;
        other.size_ = 0;
    }
    Slots& operator=(Slots&& other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        return *this;
    }
    ~Slots() { std::free(data_); }

    std::uint64_t& operator[](std::size_t i) { return data_[i]; }
    const std::uint64_t& operator[](std::size_t i) const { return data_[i]; }
    std::size_t size() const noexcept { return size_; }
    const std::uint64_t* begin() const noexcept { return data_; }
    const std::uint64_t* end() const noexcept { return data_ + size_; }

  private:
    std::uint64_t* data_;
    std::size_t size_;
};

}  // namespace

// The places of the records kept, by ordinal, as runs: the records of a run
// stand a fixed step of lines and columns apart in one source (a record a row,
// or a row's year columns), so that a long sheet takes one run, not a place a
// record.
class OriginRuns {
  public:
    void push(const Origin& o) {
        if (!runs_.empty()) {
            Run& r = runs_.back();
            const std::uint32_t n = count_ - r.first;
            if (o.source == r.source && n == 1) {
                r.line_step = o.line - r.line;
                r.column_step = o.column - r.column;
                ++count_;
                return;
            }
            if (o.source == r.source && o.line == r.line + n * r.line_step &&
                o.column == r.column + n * r.column_step) {
                ++count_;
                return;
            }
        }
        runs_.push_back({count_++, o.source, o.line, o.column, 0, 0});
    }
    Origin at(std::uint32_t ordinal) const {
        const Run& r =
            *(std::upper_bound(runs_.begin(), runs_.end(), ordinal,
                               [](std::uint32_t i, const Run& x) { return i < x.first; }) -
              1);
        const std::uint32_t n = ordinal - r.first;
        return {r.source, r.line + n * r.line_step, r.column + n * r.column_step};
    }

  private:
    struct Run {
        std::uint32_t first, source, line, column;
        std::uint32_t line_step, column_step;  // modulo 2^32, so a step may go back
    };
    std::vector<Run> runs_;
    std::uint32_t count_ = 0;
};

// Keys seen so far: an open-addressing table over entries kept in blocks, so
// that growing never copies them, and the entries' places as runs. A key is
// known by h = mix(key), which mix() gives for one key only: a slot (at most
// half of them full) holds h's upper half and the entry's ordinal, the entry
// the lower half. A probe compares the upper halves in the slot, so that it
// reads an entry (a cache miss, the entries being far apart) only when they
// match, and growing places the slots by what they hold.
class StreamRepeats::Keys {
  public:
    // The ordinal of the entry an earlier record with the key of hash h =
    // mix(key) left, or nullopt after adding one.
    std::optional<std::uint32_t> find_or_add(std::uint64_t h, std::uint32_t fingerprint,
                                             const Origin& origin) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        const std::uint32_t upper = static_cast<std::uint32_t>(h >> 32);
        const std::uint32_t lower = static_cast<std::uint32_t>(h);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = upper & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) {
                slots_[i] = static_cast<std::uint64_t>(upper) << 32 | ++count_;
                if ((count_ - 1) % block == 0)
                    blocks_.push_back(std::unique_ptr<Entry[]>(new Entry[block]));
                entry(count_ - 1) = {lower, fingerprint};
                origins_.push(origin);
                return std::nullopt;
            }
            if (slot >> 32 != upper) continue;
            const std::uint32_t ordinal = static_cast<std::uint32_t>(slot) - 1;
            if (entry(ordinal).lower == lower) return ordinal;
        }
    }
    // Brings the slot find_or_add(h) looks at first into the cache.
    void prefetch(std::uint64_t h) const {
#if defined(__GNUC__)
        __builtin_prefetch(&slots_[(h >> 32) & (slots_.size() - 1)]);
#else
        (void)h;
#endif
    }
    std::uint32_t fingerprint(std::uint32_t ordinal) const { return entry(ordinal).fingerprint; }
    Origin origin(std::uint32_t ordinal) const { return origins_.at(ordinal); }

  private:
    struct Entry {
        std::uint32_t lower;  // mix(key)'s lower half
        std::uint32_t fingerprint;
    };

    // 4 MB a block: no less than what kdx's allocator maps on its own (main.cpp),
    // so that a block is given back when let go, and left untouched (not
    // zeroed), so that the pages a small stream does not reach cost nothing.
    static constexpr std::size_t block = 1 << 19;

    Entry& entry(std::size_t i) const { return blocks_[i / block][i % block]; }

    void grow() {
        // At most 2^30 slots: an index takes at most 30 of the upper half's bits.
        if (slots_.size() > std::numeric_limits<std::uint32_t>::max() / 4)
            throw std::length_error("too many records to keep their keys beside the stream");
        Slots slots(2 * slots_.size());
        const std::size_t mask = slots.size() - 1;
        for (const std::uint64_t slot : slots_) {
            if (slot == 0) continue;
            std::size_t i = (slot >> 32) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
        slots_ = std::move(slots);
    }

    // mix(key)'s upper half << 32 | ordinal + 1; 0 = free. Never empty.
    Slots slots_{1024};
    std::vector<std::unique_ptr<Entry[]>> blocks_;
    std::size_t count_ = 0;
    OriginRuns origins_;
};

StreamRepeats::StreamRepeats()
    : settlement_(std::make_unique<Keys>()), outcomes_(std::make_unique<Keys>()) {}

StreamRepeats::~StreamRepeats() = default;

bool StreamRepeats::filter(Dataset& part, std::string& why) {
    auto place = [&part](const Origin& o) { return part.location_of(o); };
    auto municipality = [this](const std::string& number) {
        return municipalities_.insert(number).first;
    };
    // A record's key costs a cache miss in its table; with the part's keys
    // hashed first, a later record's slot is fetched while one is looked up.
    constexpr std::size_t ahead = 8;

    hashes_.clear();
    for (const SettlementFigures& s : part.settlement)
        hashes_.push_back(mix(static_cast<std::uint64_t>(municipality(s.municipality)) << 32 |
                              static_cast<std::uint32_t>(s.year)));
    std::size_t kept = 0;
    for (std::size_t i = 0; i < part.settlement.size(); ++i) {
        if (i + ahead < hashes_.size()) settlement_->prefetch(hashes_[i + ahead]);
        SettlementFigures& s = part.settlement[i];
        std::uint64_t h = 0;
        for (const Value* v : {&s.requested, &s.decided, &s.settled, &s.unaccompanied_minors,
                               &s.family_reunifications})
            h = add(h, *v);
        if (auto first = settlement_->find_or_add(hashes_[i], fold(h), s.origin)) {
            if (settlement_->fingerprint(*first) != fold(h)) {
                why = "settlement " + s.municipality + " " + std::to_string(s.year) +
                      " is given twice with different figures";
                return false;
            }
            settlement_messages_.info("settlement " + s.municipality + " " +
                                          std::to_string(s.year) + " is given twice, at " +
                                          place(settlement_->origin(*first)).to_string() +
                                          " and here with the same figures; written once",
                                      place(s.origin));
            continue;
        }
        if (kept != i) part.settlement[kept] = std::move(s);
        ++kept;
    }
    part.settlement.resize(kept);

    hashes_.clear();
    std::size_t too_many = part.outcomes.size();  // the first outcome the keys cannot name
    for (const Outcome& o : part.outcomes) {
        const std::uint32_t m = municipality(o.municipality);
        const std::uint32_t p = indicator(o.programme, o.indicator);
        if ((m >= (1u << 20) || p >= (1u << 12)) && too_many == part.outcomes.size())
            too_many = hashes_.size();
        hashes_.push_back(mix(static_cast<std::uint64_t>(m << 12 | p) << 32 |
                              static_cast<std::uint32_t>(o.year)));
    }
    kept = 0;
    for (std::size_t i = 0; i < part.outcomes.size(); ++i) {
        if (i == too_many) {
            why = "more municipalities or indicators than the keys kept beside the stream can name";
            return false;
        }
        if (i + ahead < hashes_.size()) outcomes_->prefetch(hashes_[i + ahead]);
        Outcome& o = part.outcomes[i];
        const std::uint32_t fingerprint =
            fold(mix(add(0, o.value) + static_cast<unsigned>(o.unit)));
        if (auto first = outcomes_->find_or_add(hashes_[i], fingerprint, o.origin)) {
            if (outcomes_->fingerprint(*first) != fingerprint) {
                why = "outcome " + o.indicator + " " + o.municipality + " " +
                      std::to_string(o.year) + " is given twice with different values";
                return false;
            }
            outcome_messages_.info("outcome " + o.indicator + " " + o.municipality + " " +
                                       std::to_string(o.year) + " is given twice, at " +
                                       place(outcomes_->origin(*first)).to_string() +
                                       " and here with the same value; written once",
                                   place(o.origin));
            continue;
        }
        if (kept != i) part.outcomes[kept] = std::move(o);
        ++kept;
    }
    part.outcomes.resize(kept);
    return true;
}

std::uint32_t StreamRepeats::indicator(const std::string& programme, const std::string& indicator) {
    // Outcomes come in runs of one programme and indicator.
    if (last_indicator_ && programme == last_indicator_->programme &&
        indicator == last_indicator_->indicator)
        return last_indicator_->ordinal;
    const std::uint32_t p = indicators_.insert(programme + '\n' + indicator).first;
    last_indicator_ = {programme, indicator, p};
    return p;
}

void StreamRepeats::finish(Diagnostics& out) {
    out.append(settlement_messages_);
    out.append(outcome_messages_);
    settlement_.reset();
    outcomes_.reset();
    municipalities_ = {};
    indicators_ = {};
    last_indicator_.reset();
    hashes_ = {};
}

}  // namespace kdx::table_detail
