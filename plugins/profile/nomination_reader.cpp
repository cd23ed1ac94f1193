#include "nomination_reader.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "kdx/error.hpp"
#include "kdx/registry.hpp"

namespace kdx::profile {

namespace {

using Kind = Paragraph::Kind;

// Lower case for ASCII and Norwegian letters, enough to compare prefixes.
std::string folded(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if (d == 0x86 || d == 0x98 || d == 0x85)
                d = static_cast<unsigned char>(d + 0x20);  // Æ Ø Å
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
            continue;
        }
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return folded(text).compare(0, prefix.size(), prefix) == 0;
}

// The lines of IMDi's web page around a profile, in bokmål and nynorsk.
bool web_furniture(const std::string& text) {
    static const char* const prefixes[] = {"tall og statistikk om",
                                           "tal og statistikk om",
                                           "stem på",
                                           "røyst på",
                                           "vil du stemme på",
                                           "vil du røyste på",
                                           "fant du det du lette etter",
                                           "fann du det du leita etter",
                                           "se listen over nominerte",
                                           "sjå lista over nominerte",
                                           "del på facebook",
                                           "del denne siden",
                                           "del denne sida"};
    for (const char* p : prefixes)
        if (starts_with(text, p)) return true;
    return false;
}

const char* const months[12] = {"januar",    "februar", "mars",     "april",
                                "mai",       "juni",    "juli",     "august",
                                "september", "oktober", "november", "desember"};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t.") + 1);
    return s;
}

// A settled fact (municipality, year or prize) and where it was said.
struct Setting {
    std::string value;
    Location where;
    std::string said;  // how the user gave it, for messages
};

}  // namespace

std::string iso_date(const std::string& text) {
    std::smatch m;
    std::string t = folded(text);
    static const std::regex written(R"((\d{1,2})\.?\s+([a-zæøå]+)\s+(\d{4}))");
    static const std::regex dotted(R"((\d{1,2})\.(\d{1,2})\.(\d{4}))");
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
    if (std::regex_search(t, m, iso)) return m.str(0);
    if (std::regex_search(t, m, dotted)) {
        int d = std::stoi(m.str(1)), mo = std::stoi(m.str(2));
        if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12)
            return m.str(3) + "-" + two(mo) + "-" + two(d);
    }
    if (std::regex_search(t, m, written)) {
        int d = std::stoi(m.str(1));
        for (int i = 0; i < 12; ++i)
            if (m.str(2) == months[i] && d >= 1 && d <= 31)
                return m.str(3) + "-" + two(i + 1) + "-" + two(d);
    }
    return {};
}

std::string prize_id(const std::string& name) {
    std::string id;
    for (char c : folded(name)) {
        if (c == ' ' || c == '\t') {
            if (!id.empty() && id.back() != '-') id += '-';
        } else {
            id += c;
        }
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id;
}

Dataset read_nomination(const ProfileText& profile, const Options& options,
                        Diagnostics& diagnostics) {
    const std::string& file = profile.file;
    auto where = [&](const Paragraph& p) { return Location::at(file, p.line); };
    auto quoted = [](const std::string& s) {
        return "\"" + (s.size() > 80 ? s.substr(0, 77) + "..." : s) + "\"";
    };
    auto place = [&](const Paragraph& p) {
        return profile.numbered_by_paragraph ? "paragraph " + std::to_string(p.line) + ": "
                                             : std::string();
    };

    // What the options and front matter settle.
    Setting municipality, year, prize;
    auto settle = [&](Setting& s, const std::string& option,
                      std::initializer_list<const char*> keys) {
        auto o = options.find(option);
        // An empty option, or year 0 (the declared default), leaves it to the text.
        if (o != options.end() && !o->second.empty() && !(option == "year" && o->second == "0")) {
            s = {o->second, Location::at(file), "-o " + option + "=" + o->second};
            return;
        }
        for (const char* k : keys) {
            auto f = profile.front_matter.find(k);
            if (f != profile.front_matter.end())
                s = {f->second, Location::at(file, profile.front_matter_lines.at(k)),
                     std::string(k) + ": " + f->second};
        }
    };
    settle(municipality, "municipality", {"kommune", "municipality"});
    settle(year, "year", {"år", "aar", "year"});
    settle(prize, "prize", {"pris", "prize"});
    for (const auto& entry : profile.front_matter) {
        const std::string& key = entry.first;
        static const char* const known[] = {"kommune", "municipality", "år",   "aar",
                                            "year",    "pris",         "prize"};
        if (std::none_of(std::begin(known), std::end(known),
                         [&](const char* k) { return key == k; }))
            diagnostics.warning(
                "front matter key \"" + key + "\" is not used (kdx reads kommune, år and pris)",
                Location::at(file, profile.front_matter_lines.at(key)));
    }

    if (profile.paragraphs.empty())
        throw Error(
            "the profile is empty: expected a title line naming the municipality, as \"Steinkjer "
            "kommune\"",
            Location::at(file));

    // The title line, then the body with the date line and furniture taken out.
    const Paragraph& title = profile.paragraphs.front();
    Nomination n;
    std::vector<const Paragraph*> body;
    static const std::regex nominated(R"(^(.+?)\s+er\s+nominert\s+til\s+(.+?)\s+(\d{4})\s*[.!]?$)",
                                      std::regex::icase);
    for (std::size_t i = 1; i < profile.paragraphs.size(); ++i) {
        const Paragraph& p = profile.paragraphs[i];
        std::smatch m;
        if (starts_with(p.text, "sist oppdatert") || starts_with(p.text, "sist endra") ||
            starts_with(p.text, "last updated")) {
            n.last_updated = iso_date(p.text);
            if (n.last_updated.empty())
                diagnostics.warning(place(p) +
                                        "expected a date after \"Sist oppdatert\", as \"21. "
                                        "desember 2018\"; found " +
                                        quoted(p.text) + ", so the date is left out",
                                    where(p));
        } else if (std::regex_match(p.text, m, nominated)) {
            if (year.value.empty()) year = {m.str(3), where(p), quoted(p.text)};
            if (prize.value.empty()) prize = {m.str(2), where(p), quoted(p.text)};
            diagnostics.info(
                place(p) + "the nomination line gives the prize and year; left out of the text: " +
                    quoted(p.text),
                where(p));
        } else if (web_furniture(p.text)) {
            diagnostics.info(place(p) + "web page text left out: " + quoted(p.text), where(p));
        } else {
            body.push_back(&p);
        }
    }

    // The title: "Steinkjer kommune", or "<prize>: Stange kommune".
    std::string title_text = title.text;
    std::string title_prize;
    if (std::size_t colon = title_text.rfind(':'); colon != std::string::npos) {
        title_prize = trim(title_text.substr(0, colon));
        title_text = title_text.substr(colon + 1);
    }
    title_text = trim(title_text);
    for (const char* word : {" kommune", " suohkan", " municipality"}) {
        std::string w = word;
        if (folded(title_text).size() > w.size() &&
            folded(title_text).compare(folded(title_text).size() - w.size(), w.size(), w) == 0)
            title_text = trim(title_text.substr(0, title_text.size() - w.size()));
    }
    if (prize.value.empty() && folded(title_prize).find("pris") != std::string::npos)
        prize = {title_prize, where(title), quoted(title.text)};

    if (year.value.empty())
        throw Error("no prize year: expected a line such as \"" +
                        (title_text.empty() || title_text.size() > 40 ? "Steinkjer" : title_text) +
                        " er nominert til Bosettings- og inkluderingsprisen 2018\", or \"år: "
                        "2018\" in a front "
                        "matter block",
                    Location::at(file));
    if (!std::regex_match(year.value, std::regex(R"(\d{4})")))
        throw Error("expected a year such as 2018, found " + quoted(year.value), year.where);
    n.year = std::stoi(year.value);
    if (prize.value.empty())
        throw Error(
            "no prize: expected a line such as \"... er nominert til Bosettings- og "
            "inkluderingsprisen " +
                year.value +
                "\", or \"pris: bosettings-og-inkluderingsprisen\" in a front matter block",
            Location::at(file));
    n.prize = prize_id(prize.value);

    // The municipality, in the registry of the prize year.
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    std::string named = municipality.value.empty() ? title_text : municipality.value;
    Location named_at = municipality.value.empty() ? where(title) : municipality.where;
    std::string digits = named;
    if (!digits.empty() &&
        std::all_of(digits.begin(), digits.end(),
                    [](unsigned char c) { return std::isdigit(c); }) &&
        digits.size() <= 4) {
        digits.insert(0, 4 - digits.size(), '0');
        if (!registry.find(digits, n.year)) {
            auto s = registry.suggest(digits, "", n.year);
            throw Error(
                "municipality " + digits + " was not in use in " + std::to_string(n.year) +
                    (s ? " (did you mean " + s->number + " " + s->name + "?)" : std::string()),
                named_at);
        }
        n.municipality = digits;
    } else {
        std::vector<std::string> numbers =
            named.empty() ? std::vector<std::string>{} : registry.numbers_named(named, n.year);
        if (numbers.empty()) {
            auto s = named.empty() ? std::nullopt : registry.closest_by_name(named, n.year);
            std::string found = municipality.value.empty() ? "found " + quoted(title.text)
                                                           : "found " + quoted(named);
            throw Error(
                place(title) + "expected the municipality " +
                    (municipality.value.empty()
                         ? std::string(
                               "in the title line, as \"Steinkjer kommune\" or \"Bosettings- og "
                               "inkluderingsprisen: Stange kommune\"")
                         : std::string("as a number or a name")) +
                    ", " + found + ": no municipality of " + std::to_string(n.year) +
                    " is called that" +
                    (s ? " (nearest: " + s->number + " " + s->name + ")" : std::string()) +
                    "; \"kommune: NUMBER\" in a front matter block settles it",
                named_at);
        }
        if (numbers.size() > 1) {
            std::string list;
            for (const auto& num : numbers) list += (list.empty() ? "" : ", ") + num;
            throw Error(named + " is the name of " + std::to_string(numbers.size()) +
                            " municipalities in " + std::to_string(n.year) + " (" + list +
                            "): give \"kommune: NUMBER\" in a front matter block",
                        named_at);
        }
        n.municipality = numbers.front();
    }

    // The lead, then sections: a heading and the paragraphs up to the next.
    auto looks_like_heading = [&](std::size_t i) {
        const Paragraph& p = *body[i];
        if (p.kind == Kind::heading) return true;
        if (p.kind != Kind::text || i + 1 >= body.size() || body[i + 1]->kind == Kind::heading)
            return false;
        if (p.text.size() > 90 || std::string(".!?:;,").find(p.text.back()) != std::string::npos)
            return false;
        return std::isupper(static_cast<unsigned char>(p.text.front())) ||
               static_cast<unsigned char>(p.text.front()) >= 0xC3;
    };
    std::size_t i = 0;
    if (i < body.size() && !looks_like_heading(i) && body[i]->kind == Kind::text)
        n.summary = body[i++]->text;
    for (; i < body.size(); ++i) {
        if (looks_like_heading(i)) {
            n.sections.push_back({body[i]->text, ""});
            continue;
        }
        if (n.sections.empty()) n.sections.push_back({"", ""});
        std::string& text = n.sections.back().text;
        if (!text.empty()) text += "\n\n";
        text += body[i]->kind == Kind::list_item ? "\xE2\x80\x93 " + body[i]->text : body[i]->text;
    }

    Dataset d;
    std::uint32_t source = d.add_source(file);
    n.origin = {source, title.line, 0};
    n.status = NominationStatus::nominated;
    if (auto m = registry.find(n.municipality, n.year)) {
        m->origin = n.origin;
        d.municipalities.push_back(*m);
    }
    d.nominations.push_back(std::move(n));
    return d;
}

}  // namespace kdx::profile
