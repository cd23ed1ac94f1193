#include "line_breaker.hpp"

#include <algorithm>

#include "kdx/text_language.hpp"
#include "kdx/utf8.hpp"

namespace kdx::pdf {

namespace {

struct Piece {
    std::string text;
    FontStyle style = FontStyle::regular;
    double width = 0;
    std::string language;
};

struct Word {
    std::vector<Piece> pieces;
    double width = 0;
    bool space_before = false;
    FontStyle space_style = FontStyle::regular;
    std::string space_language;
};

// `spans` with each name form in another language split off as a span of its own.
std::vector<Span> with_languages(const std::vector<Span>& spans) {
    std::vector<Span> out;
    for (const Span& span : spans) {
        if (!span.language.empty()) {
            out.push_back(span);
            continue;
        }
        for (const LanguageSpan& part : language_spans(span.text))
            out.push_back({std::string(part.text), span.style, std::string(part.language)});
    }
    return out;
}

// Words separated by ASCII spaces; a word may change style mid-way ("*12*.").
std::vector<Word> words_of(const std::vector<Span>& spans, double size, const TextMetrics& m) {
    std::vector<Word> words;
    Word current;
    bool pending_space = false;
    FontStyle space_style = FontStyle::regular;
    std::string space_language;
    auto finish = [&] {
        if (current.pieces.empty()) return;
        for (Piece& p : current.pieces) {
            p.width = m.width(p.text, p.style, size);
            current.width += p.width;
        }
        words.push_back(std::move(current));
        current = Word{};
    };
    for (const Span& span : with_languages(spans)) {
        for (char c : span.text) {
            if (c == ' ') {
                finish();
                if (!words.empty() && !pending_space) {
                    space_style = span.style;
                    space_language = span.language;
                }
                pending_space = !words.empty();
                continue;
            }
            if (current.pieces.empty()) {
                current.space_before = pending_space;
                current.space_style = space_style;
                current.space_language = space_language;
                pending_space = false;
            }
            if (current.pieces.empty() || current.pieces.back().style != span.style ||
                current.pieces.back().language != span.language)
                current.pieces.push_back({"", span.style, 0, span.language});
            current.pieces.back().text += c;
        }
    }
    finish();
    return words;
}

class LineBuilder {
  public:
    LineBuilder(double max_width, double size, const TextMetrics& m)
        : max_(max_width), size_(size), m_(m) {}

    void add(const Word& word) {
        double space = line_.fragments.empty() || !word.space_before
                           ? 0
                           : m_.width(" ", word.space_style, size_);
        if (!line_.fragments.empty() && line_.width + space + word.width > max_) {
            // The space the line breaks at stays in the text, unmeasured and
            // invisible at the line's end: text extraction and screen readers
            // join the lines of a paragraph with it instead of running the
            // words together.
            if (word.space_before) line_.fragments.back().text += ' ';
            finish();
            space = 0;
        }
        if (line_.fragments.empty() && word.width > max_) {
            cut(word);
            return;
        }
        if (space > 0) append(" ", word.space_style, space, word.space_language);
        for (const Piece& p : word.pieces) append(p.text, p.style, p.width, p.language);
    }

    std::vector<Line> done() {
        finish();
        return std::move(lines_);
    }

  private:
    void append(const std::string& text, FontStyle style, double width,
                const std::string& language) {
        if (line_.fragments.empty() || line_.fragments.back().style != style ||
            line_.fragments.back().language != language)
            line_.fragments.push_back({"", style, line_.width, 0, language});
        line_.fragments.back().text += text;
        line_.fragments.back().width += width;
        line_.width += width;
    }

    // A word longer than a whole line: as many characters per line as fit.
    void cut(const Word& word) {
        for (const Piece& p : word.pieces) {
            for (std::size_t at = 0; at < p.text.size();) {
                std::size_t start = at;
                utf8::next(p.text, at);
                std::string ch = p.text.substr(start, at - start);
                double w = m_.width(ch, p.style, size_);
                if (!line_.fragments.empty() && line_.width + w > max_) finish();
                append(ch, p.style, w, p.language);
            }
        }
    }

    void finish() {
        if (!line_.fragments.empty()) lines_.push_back(std::move(line_));
        line_ = Line{};
    }

    double max_;
    double size_;
    const TextMetrics& m_;
    Line line_;
    std::vector<Line> lines_;
};

}  // namespace

std::vector<Line> break_lines(const std::vector<Span>& spans, double max_width, double size,
                              const TextMetrics& metrics) {
    LineBuilder builder(max_width, size, metrics);
    for (const Word& word : words_of(spans, size, metrics)) builder.add(word);
    return builder.done();
}

double longest_word(const std::vector<Span>& spans, double size, const TextMetrics& metrics) {
    double longest = 0;
    for (const Word& word : words_of(spans, size, metrics)) longest = std::max(longest, word.width);
    return longest;
}

double natural_width(const std::vector<Span>& spans, double size, const TextMetrics& metrics) {
    auto lines = break_lines(spans, 1e9, size, metrics);
    return lines.empty() ? 0 : lines.front().width;
}

}  // namespace kdx::pdf
