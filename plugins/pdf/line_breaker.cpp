#include "line_breaker.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace kdx::pdf {

namespace {

struct Piece {
    std::string text;
    FontStyle style = FontStyle::regular;
    double width = 0;
};

struct Word {
    std::vector<Piece> pieces;
    double width = 0;
    bool space_before = false;
    FontStyle space_style = FontStyle::regular;
};

// Words separated by ASCII spaces; a word may change style mid-way ("*12*.").
std::vector<Word> words_of(const std::vector<Span>& spans, double size, const TextMetrics& m) {
    std::vector<Word> words;
    Word current;
    bool pending_space = false;
    FontStyle space_style = FontStyle::regular;
    auto finish = [&] {
        if (current.pieces.empty()) return;
        for (Piece& p : current.pieces) {
            p.width = m.width(p.text, p.style, size);
            current.width += p.width;
        }
        words.push_back(std::move(current));
        current = Word{};
    };
    for (const Span& span : spans) {
        for (char c : span.text) {
            if (c == ' ') {
                finish();
                if (!words.empty() && !pending_space) space_style = span.style;
                pending_space = !words.empty();
                continue;
            }
            if (current.pieces.empty()) {
                current.space_before = pending_space;
                current.space_style = space_style;
                pending_space = false;
            }
            if (current.pieces.empty() || current.pieces.back().style != span.style)
                current.pieces.push_back({"", span.style, 0});
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
        if (space > 0) append(" ", word.space_style, space);
        for (const Piece& p : word.pieces) append(p.text, p.style, p.width);
    }

    std::vector<Line> done() {
        finish();
        return std::move(lines_);
    }

  private:
    void append(const std::string& text, FontStyle style, double width) {
        if (line_.fragments.empty() || line_.fragments.back().style != style)
            line_.fragments.push_back({"", style, line_.width, 0});
        line_.fragments.back().text += text;
        line_.fragments.back().width += width;
        line_.width += width;
    }

    // A word longer than a whole line: as many characters per line as fit.
    void cut(const Word& word) {
        for (const Piece& p : word.pieces) {
            for (std::size_t at = 0; at < p.text.size();) {
                std::size_t start = at;
                next_code_point(p.text, at);
                std::string ch = p.text.substr(start, at - start);
                double w = m_.width(ch, p.style, size_);
                if (!line_.fragments.empty() && line_.width + w > max_) finish();
                append(ch, p.style, w);
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
