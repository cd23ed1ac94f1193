#include "xml_element.hpp"

#include <algorithm>
#include <cstring>
#include <sstream>

#include "xml_text.hpp"

namespace kdx::xml {

namespace {

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// "<a>, <b> or the end of <parent>".
std::string alternatives(const std::vector<std::string>& names, const std::string& end) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out.empty() ? end : out + " or " + end;
}

}  // namespace

void ElementReader::allow(std::initializer_list<const char*> names) const {
    for (pugi::xml_attribute a : node_.attributes()) {
        bool known = std::any_of(names.begin(), names.end(),
                                 [&](const char* n) { return std::strcmp(n, a.name()) == 0; });
        if (known) continue;
        std::string list;
        for (const char* n : names) list += (list.empty() ? "" : ", ") + std::string(n);
        input_.fail(a, node_,
                    std::string("unexpected attribute ") + a.name() + " on " + tag() +
                        "; expected " + (list.empty() ? "no attributes" : "only " + list));
    }
}

std::string ElementReader::required(const char* name) const {
    pugi::xml_attribute a = node_.attribute(name);
    if (!a) fail(tag() + " is missing the required attribute " + name);
    return a.value();
}

std::optional<std::string> ElementReader::optional(const char* name) const {
    pugi::xml_attribute a = node_.attribute(name);
    if (!a) return std::nullopt;
    return std::string(a.value());
}

std::string ElementReader::identifier(const char* name) const {
    std::string id = required(name);
    if (id.empty()) fail(name, std::string("expected a non-empty ") + name + ", found \"\"");
    return id;
}

std::string ElementReader::municipality(const char* name) const {
    std::string number = required(name);
    if (!is_digits(number, 4))
        fail(name, std::string("expected a four-digit municipality number in ") + name +
                       ", found " + in_quotes(number));
    return number;
}

std::string ElementReader::county(const char* name) const {
    std::optional<std::string> number = optional(name);
    if (!number) return {};
    if (!is_digits(*number, 2))
        fail(name, std::string("expected a two-digit county number in ") + name + ", found " +
                       in_quotes(*number));
    return *number;
}

int ElementReader::year(const char* name) const {
    required(name);
    return year_or(name, 0);
}

int ElementReader::year_or(const char* name, int fallback) const {
    std::optional<std::string> text = optional(name);
    if (!text) return fallback;
    std::optional<int> y = parse_year(*text);
    if (!y)
        fail(name,
             std::string("expected a four-digit year in ") + name + ", found " + in_quotes(*text));
    return *y;
}

std::vector<int> ElementReader::years(const char* name) const {
    std::optional<std::string> text = optional(name);
    std::vector<int> out;
    if (!text) return out;
    std::istringstream words(*text);
    for (std::string word; words >> word;) {
        std::optional<int> y = parse_year(word);
        if (!y)
            fail(name, std::string("expected four-digit years separated by spaces in ") + name +
                           ", found " + in_quotes(word));
        out.push_back(*y);
    }
    return out;
}

Value ElementReader::value(const char* name) const {
    std::optional<std::string> text = optional(name);
    if (!text) return Value::missing();
    std::optional<Value> v = parse_value(*text);
    if (!v)
        fail(name, std::string("expected a decimal number or \":\" (suppressed) in ") + name +
                       ", found " + in_quotes(*text) + "; leave the attribute out when missing");
    return *v;
}

std::optional<std::int64_t> ElementReader::integer(const char* name) const {
    std::optional<std::string> text = optional(name);
    if (!text) return std::nullopt;
    std::optional<std::int64_t> n = parse_integer(*text);
    if (!n)
        fail(name,
             std::string("expected a whole number in ") + name + ", found " + in_quotes(*text));
    return n;
}

bool ElementReader::boolean(const char* name, bool fallback) const {
    std::optional<std::string> text = optional(name);
    if (!text) return fallback;
    std::optional<bool> b = parse_boolean(*text);
    if (!b)
        fail(name,
             std::string("expected true or false in ") + name + ", found " + in_quotes(*text));
    return *b;
}

std::string ElementReader::date(const char* name) const {
    std::optional<std::string> text = optional(name);
    if (!text) return {};
    if (!is_date(*text))
        fail(name,
             std::string("expected a date YYYY-MM-DD in ") + name + ", found " + in_quotes(*text));
    return std::string(trim(*text));
}

std::string ElementReader::choice(const char* name, std::initializer_list<const char*> allowed,
                                  const char* fallback) const {
    if (fallback && !node_.attribute(name)) return fallback;
    std::string text = required(name);
    for (const char* a : allowed)
        if (text == a) return text;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    fail(name,
         std::string("expected ") + name + " to be one of " + list + ", found " + in_quotes(text));
}

std::string ElementReader::text() const {
    std::string out;
    for (pugi::xml_node child : node_.children()) {
        if (child.type() == pugi::node_element)
            input_.fail(child, std::string("unexpected element <") + child.name() + "> in " +
                                   tag() + "; expected text only");
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            out += child.value();
    }
    if (out.size() > max_text_bytes)
        fail("the text of " + tag() + " is " + std::to_string(out.size()) +
             " bytes long; expected at most " + std::to_string(max_text_bytes));
    return out;
}

void ElementReader::children(
    std::initializer_list<Particle> model,
    const std::function<void(const char* name, pugi::xml_node child)>& visit) const {
    const Particle* particles = model.begin();
    std::size_t count = model.size(), next = 0;  // the first particle still allowed
    const char* last = nullptr;                  // the previous child's name
    for (pugi::xml_node child : node_.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!trim(child.value()).empty())
                input_.fail(child, "unexpected text in " + tag() + "; expected elements only");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::size_t i = next;
        while (i < count && std::strcmp(particles[i].name, child.name()) != 0) ++i;
        if (i == count) {
            std::vector<std::string> names;
            for (std::size_t k = next; k < count; ++k)
                names.push_back(std::string("<") + particles[k].name + ">");
            bool earlier = std::any_of(particles, particles + next, [&](const Particle& p) {
                return std::strcmp(p.name, child.name()) == 0;
            });
            std::string what = last && std::strcmp(last, child.name()) == 0 ? "a second <"
                               : earlier                                    ? "out of order, <"
                                                                            : "unexpected <";
            input_.fail(child, what + child.name() + "> in " + tag() + "; expected " +
                                   alternatives(names, "the end of " + tag()));
        }
        next = particles[i].many ? i : i + 1;
        last = particles[i].name;
        visit(particles[i].name, child);
    }
}

void ElementReader::fail(const char* attribute, const std::string& message) const {
    pugi::xml_attribute a = node_.attribute(attribute);
    if (a) input_.fail(a, node_, message);
    input_.fail(node_, message);
}

}  // namespace kdx::xml
