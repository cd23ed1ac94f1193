#include "table/stream_repeats.hpp"

#include <cstring>

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

}  // namespace

// Keys seen so far: an open-addressing table of record ordinals (4 bytes a
// slot, at most half full) over entries kept in blocks, so that growing never
// copies them.
class StreamRepeats::Keys {
  public:
    struct Entry {
        std::uint32_t key_high, key_low;
        std::uint32_t line;
        std::uint32_t source_column;  // source (12 bits) and column (20 bits)
        std::uint32_t fingerprint;
    };

    // The entry an earlier record with this key left, or nullptr after adding one.
    const Entry* find_or_add(std::uint64_t key, const Entry& fresh) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t h = mix(key) & mask;; h = (h + 1) & mask) {
            std::uint32_t slot = slots_[h];
            if (slot == 0) {
                slots_[h] = static_cast<std::uint32_t>(++count_);
                if ((count_ - 1) % block == 0) blocks_.push_back(std::make_unique<Entry[]>(block));
                entry(count_ - 1) = fresh;
                return nullptr;
            }
            const Entry& e = entry(slot - 1);
            if ((static_cast<std::uint64_t>(e.key_high) << 32 | e.key_low) == key) return &e;
        }
    }

  private:
    static constexpr std::size_t block = 1 << 16;

    Entry& entry(std::size_t i) const { return blocks_[i / block][i % block]; }

    void grow() {
        std::vector<std::uint32_t> slots(slots_.empty() ? 1024 : 2 * slots_.size());
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = 0; i < count_; ++i) {
            const Entry& e = entry(i);
            std::size_t h = mix(static_cast<std::uint64_t>(e.key_high) << 32 | e.key_low) & mask;
            while (slots[h] != 0) h = (h + 1) & mask;
            slots[h] = static_cast<std::uint32_t>(i + 1);
        }
        slots_ = std::move(slots);
    }

    std::vector<std::uint32_t> slots_;
    std::vector<std::unique_ptr<Entry[]>> blocks_;
    std::size_t count_ = 0;
};

StreamRepeats::StreamRepeats()
    : settlement_(std::make_unique<Keys>()), outcomes_(std::make_unique<Keys>()) {}

StreamRepeats::~StreamRepeats() = default;

bool StreamRepeats::filter(Dataset& part, std::string& why) {
    auto place = [&part](const Origin& o) { return part.location_of(o); };
    auto compact = [&](const Origin& o, std::uint64_t key, std::uint32_t fingerprint,
                       Keys::Entry& e) {
        if (o.source >= (1u << 12) || o.column >= (1u << 20)) {
            why = "more sources or columns than the keys kept beside the stream can name";
            return false;
        }
        e = {static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(key), o.line,
             o.source << 20 | o.column, fingerprint};
        return true;
    };
    auto origin_of = [](const Keys::Entry& e) {
        return Origin{e.source_column >> 20, e.line, e.source_column & ((1u << 20) - 1)};
    };
    auto municipality = [this](const std::string& number) {
        return municipalities_.emplace(number, static_cast<std::uint32_t>(municipalities_.size()))
            .first->second;
    };

    std::size_t kept = 0;
    for (std::size_t i = 0; i < part.settlement.size(); ++i) {
        SettlementFigures& s = part.settlement[i];
        const std::uint64_t key = static_cast<std::uint64_t>(municipality(s.municipality)) << 32 |
                                  static_cast<std::uint32_t>(s.year);
        std::uint64_t h = 0;
        for (const Value* v : {&s.requested, &s.decided, &s.settled, &s.unaccompanied_minors,
                               &s.family_reunifications})
            h = add(h, *v);
        Keys::Entry fresh;
        if (!compact(s.origin, key, fold(h), fresh)) return false;
        if (const Keys::Entry* first = settlement_->find_or_add(key, fresh)) {
            if (first->fingerprint != fresh.fingerprint) {
                why = "settlement " + s.municipality + " " + std::to_string(s.year) +
                      " is given twice with different figures";
                return false;
            }
            settlement_messages_.info("settlement " + s.municipality + " " +
                                          std::to_string(s.year) + " is given twice, at " +
                                          place(origin_of(*first)).to_string() +
                                          " and here with the same figures; written once",
                                      place(s.origin));
            continue;
        }
        if (kept != i) part.settlement[kept] = std::move(s);
        ++kept;
    }
    part.settlement.resize(kept);

    kept = 0;
    for (std::size_t i = 0; i < part.outcomes.size(); ++i) {
        Outcome& o = part.outcomes[i];
        const std::uint32_t m = municipality(o.municipality);
        const std::uint32_t p = indicators_
                                    .emplace(o.programme + '\n' + o.indicator,
                                             static_cast<std::uint32_t>(indicators_.size()))
                                    .first->second;
        if (m >= (1u << 20) || p >= (1u << 12)) {
            why = "more municipalities or indicators than the keys kept beside the stream can name";
            return false;
        }
        const std::uint64_t key =
            static_cast<std::uint64_t>(m << 12 | p) << 32 | static_cast<std::uint32_t>(o.year);
        Keys::Entry fresh;
        if (!compact(o.origin, key, fold(mix(add(0, o.value) + static_cast<unsigned>(o.unit))),
                     fresh))
            return false;
        if (const Keys::Entry* first = outcomes_->find_or_add(key, fresh)) {
            if (first->fingerprint != fresh.fingerprint) {
                why = "outcome " + o.indicator + " " + o.municipality + " " +
                      std::to_string(o.year) + " is given twice with different values";
                return false;
            }
            outcome_messages_.info("outcome " + o.indicator + " " + o.municipality + " " +
                                       std::to_string(o.year) + " is given twice, at " +
                                       place(origin_of(*first)).to_string() +
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

void StreamRepeats::report(Diagnostics& out) const {
    out.append(settlement_messages_);
    out.append(outcome_messages_);
}

}  // namespace kdx::table_detail
