// The exception type kdx and its plugins throw for failures a user can fix.
#pragma once

#include <stdexcept>
#include <string>

#include "kdx/diagnostics.hpp"

namespace kdx {

// A fatal error with a location. Plugins throw it for unreadable input or an
// unwritable output; the host catches it at the plugin boundary by type
// (its type information lives in libkdx, shared by every library).
class Error : public std::runtime_error {
  public:
    explicit Error(std::string message, Location where = {});
    ~Error() override;

    const Location& where() const noexcept { return where_; }
    // The message without the location.
    const std::string& message() const noexcept { return message_; }
    // As a Diagnostic of severity error.
    Diagnostic diagnostic() const;

  private:
    std::string message_;
    Location where_;
};

// Options a format cannot take together (each value valid on its own, the
// combination not). Thrown before anything is written; the CLI exits 2, as
// for any other usage mistake.
class OptionError : public Error {
  public:
    using Error::Error;
    ~OptionError() override;
};

}  // namespace kdx
