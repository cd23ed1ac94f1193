// A figure that may be missing, suppressed by its source, or present.
#pragma once

#include <string>

namespace kdx {

// Missing (no value reported) is never the same as 0; suppressed (the source
// hid the figure, written ":" by SSB and IMDi) is neither missing nor 0.
class Value {
  public:
    enum class State : unsigned char { missing, present, suppressed };

    // A missing value.
    constexpr Value() noexcept = default;
    // A present value.
    constexpr Value(double v) noexcept : number_(v), state_(State::present) {}  // NOLINT

    static constexpr Value missing() noexcept { return Value(); }
    static constexpr Value suppressed() noexcept {
        Value v;
        v.state_ = State::suppressed;
        return v;
    }

    constexpr State state() const noexcept { return state_; }
    constexpr bool is_missing() const noexcept { return state_ == State::missing; }
    constexpr bool is_suppressed() const noexcept { return state_ == State::suppressed; }
    constexpr bool has_value() const noexcept { return state_ == State::present; }
    // The number; 0 unless has_value().
    constexpr double get() const noexcept { return number_; }
    // True when present and a whole number.
    bool is_whole() const noexcept;

    friend constexpr bool operator==(const Value& a, const Value& b) noexcept {
        return a.state_ == b.state_ && a.number_ == b.number_;
    }
    friend constexpr bool operator!=(const Value& a, const Value& b) noexcept { return !(a == b); }

  private:
    double number_ = 0;
    State state_ = State::missing;
};

// Shortest text that reads back as the same double ("12", "0.7", "1e+20");
// "" for missing and ":" for suppressed.
std::string to_string(const Value& v);

}  // namespace kdx
