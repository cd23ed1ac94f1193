// Checked access to one element of an exchange file: its attributes as the
// schema's simple types, its text, and its children in schema order. Every
// mismatch throws kdx::Error at the offending element or attribute, saying
// what was expected and what was found.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "kdx/value.hpp"
#include "xml_input.hpp"

namespace kdx::xml {

// One child element a content model allows, in order; `many` when it repeats.
struct Particle {
    const char* name;
    bool many = false;
};

class ElementReader {
  public:
    ElementReader(const XmlInput& input, pugi::xml_node node) : input_(input), node_(node) {}

    pugi::xml_node node() const noexcept { return node_; }
    unsigned line() const { return input_.line_of(node_); }

    // Fails on any attribute not named here.
    void allow(std::initializer_list<const char*> names) const;
    // The attribute's text; fails when it is absent.
    std::string required(const char* name) const;
    // The attribute's text; nullopt when absent.
    std::optional<std::string> optional(const char* name) const;
    // A required kdx:identifier (non-empty).
    std::string identifier(const char* name) const;
    // A four-digit municipality number (required) or two-digit county number (optional).
    std::string municipality(const char* name) const;
    std::string county(const char* name) const;
    // A kdx:year; `fallback` when absent and not required.
    int year(const char* name) const;
    int year_or(const char* name, int fallback) const;
    // A space-separated list of years; empty when absent.
    std::vector<int> years(const char* name) const;
    // A kdx:value; missing when absent.
    Value value(const char* name) const;
    std::optional<std::int64_t> integer(const char* name) const;
    bool boolean(const char* name, bool fallback) const;
    // A kdx:date; "" when absent.
    std::string date(const char* name) const;
    // One of `allowed` (required, or `fallback` when absent and given).
    std::string choice(const char* name, std::initializer_list<const char*> allowed,
                       const char* fallback = nullptr) const;

    // The text of an element with text only (no child elements).
    std::string text() const;
    // Calls `visit` with each child element, checking they follow `model` and
    // that no text stands between them.
    void children(std::initializer_list<Particle> model,
                  const std::function<void(const char* name, pugi::xml_node child)>& visit) const;

    [[noreturn]] void fail(const std::string& message) const { input_.fail(node_, message); }
    [[noreturn]] void fail(const char* attribute, const std::string& message) const;

  private:
    std::string tag() const { return std::string("<") + node_.name() + ">"; }

    const XmlInput& input_;
    pugi::xml_node node_;
};

}  // namespace kdx::xml
