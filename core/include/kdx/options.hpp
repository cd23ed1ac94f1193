// Reading a format's options: the one grammar that kdx, kdx-plugin-check, the
// table importer and every plugin share. Header-only over OptionInfo and
// Options, so a plugin that uses it needs nothing new from libkdx.
//
//     kdx::OptionReader read(info().write_options, options);  // checks them all
//     bool header = read.boolean("header");   // the declared default if not given
//
// Grammar: a boolean is true/yes/1 or false/no/0 in any case; an integer is
// decimal digits with an optional sign; a choice is one of `allowed` exactly;
// text is anything. A bad value or an unknown name throws kdx::OptionError
// naming the option, the value and what is accepted.
#pragma once

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kdx/error.hpp"
#include "kdx/format.hpp"

namespace kdx {

// true for "true", "yes", "1"; false for "false", "no", "0" (any case); else nullopt.
inline std::optional<bool> parse_boolean(std::string_view text) {
    std::string t(text);
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "true" || t == "yes" || t == "1") return true;
    if (t == "false" || t == "no" || t == "0") return false;
    return std::nullopt;
}

// A whole number in decimal with an optional + or -; nullopt for anything
// else, spaces included, or a number beyond long long.
inline std::optional<long long> parse_integer(std::string_view text) {
    std::size_t start = !text.empty() && text[0] == '+' ? 1 : 0;  // from_chars takes no '+'
    if (start == 1 && text.size() > 1 && text[1] == '-') return std::nullopt;
    long long value = 0;
    const char* first = text.data() + start;
    const char* last = text.data() + text.size();
    if (first == last) return std::nullopt;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last) return std::nullopt;
    return value;
}

// What a value of `option` must be, for messages: "true or false (or yes/no, 1/0)".
inline std::string accepted_values(const OptionInfo& option) {
    switch (option.type) {
        case OptionInfo::Type::string:
            return "any text";
        case OptionInfo::Type::integer:
            return "a whole number";
        case OptionInfo::Type::boolean:
            return "true or false (or yes/no, 1/0)";
        case OptionInfo::Type::choice:
            break;
    }
    std::string list;
    for (std::size_t i = 0; i < option.allowed.size(); ++i)
        list += (i == 0 ? "" : i + 1 == option.allowed.size() ? " or " : ", ") + option.allowed[i];
    return list;
}

// Whether `value` is valid for `option`'s type.
inline bool option_value_valid(const OptionInfo& option, std::string_view value) {
    switch (option.type) {
        case OptionInfo::Type::string:
            return true;
        case OptionInfo::Type::integer:
            return parse_integer(value).has_value();
        case OptionInfo::Type::boolean:
            return parse_boolean(value).has_value();
        case OptionInfo::Type::choice:
            return std::find(option.allowed.begin(), option.allowed.end(), value) !=
                   option.allowed.end();
    }
    return false;
}

// "option NAME: expected WHAT, found "VALUE"", the message for a bad value.
inline std::string bad_option_value_message(const OptionInfo& option, std::string_view value) {
    return "option " + option.name + ": expected " + accepted_values(option) + ", found \"" +
           std::string(value) + "\"";
}

// The declared name closest to a mistyped `name` (a letter or two wrong,
// missing, extra or swapped), or "" when none is close.
inline std::string closest_option_name(std::string_view name,
                                       const std::vector<OptionInfo>& declared) {
    // Optimal string alignment distance: Levenshtein plus swapped neighbours.
    auto distance = [](std::string_view a, std::string_view b) {
        std::vector<std::vector<std::size_t>> d(a.size() + 1,
                                                std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
        for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i)
            for (std::size_t j = 1; j <= b.size(); ++j) {
                std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[a.size()][b.size()];
    };
    std::string best;
    std::size_t best_distance = name.size() < 5 ? 1 : 2;  // "tabel" -> table, not "x" -> y
    for (const OptionInfo& o : declared) {
        std::size_t d = distance(name, o.name);
        if (d <= best_distance && (best.empty() || d < distance(name, best))) best = o.name;
    }
    return best;
}

// The given options of one format, checked against its declarations, with
// the declared defaults for those not given.
class OptionReader {
  public:
    // refuse: a name not declared is an error (a plugin's own options);
    // ignore: it is skipped (a part that reads a few of a format's options,
    // such as the table importer).
    enum class Unknown { refuse, ignore };

    // Checks every given option against `declared`; throws kdx::OptionError
    // for an unknown name (with the closest declared one) or a bad value.
    OptionReader(std::vector<OptionInfo> declared, const Options& given,
                 Unknown unknown = Unknown::refuse)
        : declared_(std::move(declared)) {
        for (const auto& [name, value] : given) {
            const OptionInfo* o = find(name);
            if (!o) {
                if (unknown == Unknown::ignore) continue;
                std::string near = closest_option_name(name, declared_);
                std::string valid;
                for (const OptionInfo& d : declared_) valid += (valid.empty() ? "" : ", ") + d.name;
                throw OptionError("unknown option \"" + name + "\"" +
                                  (near.empty() ? "" : "; did you mean " + near + "?") +
                                  (valid.empty() ? "; this format takes no options"
                                                 : "; valid options: " + valid));
            }
            if (!option_value_valid(*o, value))
                throw OptionError(bad_option_value_message(*o, value));
            given_.emplace_back(name, value);
        }
    }

    // Whether the user gave the option (a default is not "given").
    bool given(std::string_view name) const { return given_value(declared(name)) != nullptr; }

    // The value as given, else the declared default.
    const std::string& text(std::string_view name) const {
        const OptionInfo& o = declared(name);
        const std::string* v = given_value(o);
        return v ? *v : o.default_value;
    }
    const std::string& choice(std::string_view name) const { return text(name); }

    bool boolean(std::string_view name) const {
        const OptionInfo& o = declared(name);
        auto b = parse_boolean(text(name));
        if (!b) throw Error("option " + o.name + " declares no valid default");
        return *b;
    }

    long long integer(std::string_view name) const {
        const OptionInfo& o = declared(name);
        auto n = parse_integer(text(name));
        if (!n) throw Error("option " + o.name + " declares no valid default");
        return *n;
    }

    // As integer(), and throws kdx::OptionError when outside [low, high].
    long long integer(std::string_view name, long long low, long long high) const {
        long long n = integer(name);
        if (n < low || n > high) {
            const OptionInfo& o = declared(name);
            std::string range = high == std::numeric_limits<long long>::max()
                                    ? "from " + std::to_string(low) + " up"
                                    : "from " + std::to_string(low) + " to " + std::to_string(high);
            throw OptionError("option " + o.name + ": expected a whole number " + range +
                              ", found \"" + text(name) + "\"");
        }
        return n;
    }

    const std::vector<OptionInfo>& declarations() const noexcept { return declared_; }

  private:
    const OptionInfo* find(std::string_view name) const {
        for (const OptionInfo& o : declared_)
            if (o.name == name) return &o;
        return nullptr;
    }
    // Reading an option the format never declared is a bug in the format.
    const OptionInfo& declared(std::string_view name) const {
        if (const OptionInfo* o = find(name)) return *o;
        throw Error("option " + std::string(name) + " is read but not declared");
    }
    const std::string* given_value(const OptionInfo& o) const {
        for (const auto& [name, value] : given_)
            if (name == o.name) return &value;
        return nullptr;
    }

    std::vector<OptionInfo> declared_;
    std::vector<std::pair<std::string, std::string>> given_;
};

}  // namespace kdx
