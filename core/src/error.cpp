#include "kdx/error.hpp"

namespace kdx {

namespace {

std::string full_message(const std::string& message, const Location& where) {
    std::string w = where.to_string();
    return w.empty() ? message : w + ": " + message;
}

}  // namespace

Error::Error(std::string message, Location where)
    : std::runtime_error(full_message(message, where)),
      message_(std::move(message)),
      where_(std::move(where)) {}

// Defined here so that the type information lives in libkdx only.
Error::~Error() = default;

OptionError::~OptionError() = default;

Diagnostic Error::diagnostic() const { return {Severity::error, message_, where_}; }

}  // namespace kdx
