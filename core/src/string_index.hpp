// Ordinals for strings in the order they first came, for the lookups a
// stream makes once a record (municipality numbers, indicator ids). Such a
// lookup mostly misses the cache, so the index is small: the strings back to
// back in one buffer, and a flat open-addressing table of hash and ordinal (at
// most 3/4 full), so that a lookup reads a slot and the string; a
// std::unordered_map divides by a prime and chases two nodes of 64 bytes.
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
        if (4 * (size() + 1) > 3 * slots_.size()) grow();
        const std::uint32_t h = hash(s);
        std::uint64_t& slot = slots_[slot_of(s, h)];
        if (slot != 0) return {static_cast<std::uint32_t>(slot) - 1, false};
        chars_.append(s);
        ends_.push_back(chars_.size());
        slot = static_cast<std::uint64_t>(h) << 32 | size();
        return {static_cast<std::uint32_t>(size() - 1), true};
    }
    // The ordinal of `s`, or npos.
    std::uint32_t find(std::string_view s) const {
        const std::uint64_t slot = slots_[slot_of(s, hash(s))];
        return slot == 0 ? npos : static_cast<std::uint32_t>(slot) - 1;
    }
    std::string_view operator[](std::uint32_t ordinal) const {
        const std::size_t begin = ordinal == 0 ? 0 : ends_[ordinal - 1];
        return std::string_view(chars_).substr(begin, ends_[ordinal] - begin);
    }
    std::size_t size() const noexcept { return ends_.size(); }

  private:
    static std::uint32_t hash(std::string_view s) {
        const std::uint64_t h = std::hash<std::string_view>{}(s);
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }
    // The slot that holds `s`, or the empty one where it would go.
    std::size_t slot_of(std::string_view s, std::uint32_t h) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0 ||
                (slot >> 32 == h && (*this)[static_cast<std::uint32_t>(slot) - 1] == s))
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

    std::string chars_;              // the strings back to back
    std::vector<std::size_t> ends_;  // where each ends in chars_, by ordinal
    // hash << 32 | ordinal + 1; 0 = free. Never empty.
    std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(16);
};

}  // namespace kdx
