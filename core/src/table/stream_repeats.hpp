// The repeated-key rule of an import (repeated_keys.hpp) for records handed on
// in parts (Format::read_batches): the records are gone once handed on, so the
// keys are kept compactly beside the stream with a fingerprint of the first
// record's figures and its place: 24 to 40 bytes a record, the places as runs
// (a long sheet's records are one run).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"
#include "string_index.hpp"

namespace kdx::table_detail {

class StreamRepeats {
  public:
    StreamRepeats();
    ~StreamRepeats();

    // Drops from `part` the records whose key an earlier record had, when the
    // repetition gives the same figures, and keeps drop_repeated_keys()'s
    // message for report(). Returns false, with `why`, when one does not (the
    // messages name both figures, and a figure may be taken into the earlier
    // record) or a key cannot be kept compactly: only the whole dataset can
    // say what to do then. `part`'s sources are those origins point to.
    bool filter(Dataset& part, std::string& why);
    // Adds the messages, as drop_repeated_keys() gives them (settlement ones
    // first), and lets go of the keys: what comes after the last part (a
    // store's keys, a workbook's zip) has the memory. No filter() after it.
    void finish(Diagnostics& out);

  private:
    class Keys;
    // The ordinal of an outcome's programme and indicator in indicators_.
    std::uint32_t indicator(const std::string& programme, const std::string& indicator);

    std::unique_ptr<Keys> settlement_, outcomes_;
    std::vector<std::uint64_t> hashes_;  // of a part's keys, kept for the next part's
    StringIndex municipalities_;
    StringIndex indicators_;  // "programme\nindicator"
    // The latest outcome's programme and indicator, and their ordinal.
    struct LastIndicator {
        std::string programme, indicator;
        std::uint32_t ordinal;
    };
    std::optional<LastIndicator> last_indicator_;
    Diagnostics settlement_messages_, outcome_messages_;
};

}  // namespace kdx::table_detail
