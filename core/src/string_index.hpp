// Ordinals for strings in the order they first came, for the lookups a
// stream makes once a record (municipality numbers, indicator ids): a flat
// open-addressing table of hash and ordinal, at most half full, so that a
// lookup reads one slot and, when the hashes match, one string, where
// std::unordered_map divides by a prime and chases two nodes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kdx {

class StringIndex {
  public:
    static constexpr std::uint32_t npos = ~std::uint32_t{0};

    // The ordinal of `s`, and whether it was added now.
    std::pair<std::uint32_t, bool> insert(std::string_view s) {
        if (2 * (strings_.size() + 1) > slots_.size()) grow();
        const std::uint32_t h = hash(s);
        std::uint64_t& slot = slots_[slot_of(s, h)];
        if (slot != 0) return {static_cast<std::uint32_t>(slot) - 1, false};
        strings_.emplace_back(s);
        slot = static_cast<std::uint64_t>(h) << 32 | strings_.size();
        return {static_cast<std::uint32_t>(strings_.size() - 1), true};
    }
    // The ordinal of `s`, or npos.
    std::uint32_t find(std::string_view s) const {
        const std::uint64_t slot = slots_[slot_of(s, hash(s))];
        return slot == 0 ? npos : static_cast<std::uint32_t>(slot) - 1;
    }
    const std::string& operator[](std::uint32_t ordinal) const { return strings_[ordinal]; }
    std::size_t size() const noexcept { return strings_.size(); }

  private:
    static std::uint32_t hash(std::string_view s) {
        const std::size_t h = std::hash<std::string_view>{}(s);
        return static_cast<std::uint32_t>(h ^ (static_cast<std::uint64_t>(h) >> 32));
    }
    // The slot that holds `s`, or the empty one where it would go.
    std::size_t slot_of(std::string_view s, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0 ||
                (slot >> 32 == h && strings_[static_cast<std::uint32_t>(slot) - 1] == s))
                return i;
        }
    }
    void grow() {
        std::vector<std::uint64_t> slots(2 * slots_.size());
        const std::size_t mask = slots.size() - 1;
        for (const std::uint64_t slot : slots_) {
            if (slot == 0) continue;
            std::size_t i = (slot >> 32) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
        slots_ = std::move(slots);
    }

    std::vector<std::string> strings_;  // by ordinal
    // hash << 32 | ordinal + 1; 0 = free. Never empty.
    std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(16);
};

}  // namespace kdx
