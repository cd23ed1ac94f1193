#include "text_boxes.hpp"

#include <algorithm>

#include "kdx/number_format.hpp"
#include "labels.hpp"

namespace kdx::pdf {

namespace {

// Lines of one size and colour, drawn top down.
struct TextLines {
    std::vector<Line> lines;
    double size = style::body_size;
    double leading = style::body_leading;
    Color color = style::text;

    double height() const { return leading * static_cast<double>(lines.size()); }

    void draw(PageFlow& flow, std::size_t from, std::size_t to) const {
        for (std::size_t i = from; i < to; ++i) {
            flow.line(lines[i], flow.left(), flow.y() - baseline_offset(size, leading), size,
                      color);
            flow.advance(leading);
        }
    }
};

TextLines lines_of(const std::string& text, FontStyle fs, double size, double leading, Color color,
                   LayoutContext& c, const std::string& where) {
    TextLines t;
    t.lines = break_lines({{c.metrics.checked(text, fs, where), fs, {}}}, c.width, size, c.metrics);
    t.size = size;
    t.leading = leading;
    t.color = color;
    return t;
}

class TitleBox : public Box {
  public:
    TitleBox(const DocumentInfo& info, LayoutContext& c) : bookmark_(info.title) {
        title_ = lines_of(info.title, FontStyle::bold, style::title_size, style::title_leading,
                          style::accent, c, "the title");
        subtitle_ = lines_of(info.subtitle, FontStyle::regular, style::subtitle_size,
                             style::subtitle_leading, style::muted, c, "the subtitle");
        std::string meta = info.author;
        if (!info.date.empty())
            meta += (meta.empty() ? "" : "  ·  ") + format_date(info.date, info.language);
        meta_ = lines_of(meta, FontStyle::regular, style::small_size, style::small_leading,
                         style::muted, c, "the title block");
    }
    double gap_after() const override { return style::block_gap + 6; }
    double lead_height() const override { return height(); }
    void place(PageFlow& flow) override {
        flow.keep(height());
        flow.bookmark(0, bookmark_.empty() ? std::string("–") : bookmark_);
        tagged(flow, "H1", title_);
        if (!subtitle_.lines.empty()) {
            flow.advance(3);
            tagged(flow, "P", subtitle_);
        }
        flow.advance(8);
        tagged(flow, "P", meta_);
        flow.advance(5);
        flow.rule(flow.left(), flow.left() + flow.width(), flow.y(), 1.2, style::accent);
    }

  private:
    static void tagged(PageFlow& flow, const char* type, const TextLines& text) {
        if (text.lines.empty()) return;
        flow.open(type);
        text.draw(flow, 0, text.lines.size());
        flow.close();
    }
    double height() const {
        return title_.height() + 3 + subtitle_.height() + 8 + meta_.height() + 5;
    }
    std::string bookmark_;
    TextLines title_, subtitle_, meta_;
};

class HeadingBox : public Box {
  public:
    HeadingBox(const Heading& h, LayoutContext& c)
        : level_(std::clamp(h.level, 1, 3)), text_(h.text) {
        double size = level_ == 1 ? style::h1_size : level_ == 2 ? style::h2_size : style::h3_size;
        double leading = level_ == 1   ? style::h1_leading
                         : level_ == 2 ? style::h2_leading
                                       : style::h3_leading;
        lines_ =
            lines_of(h.text, FontStyle::bold, size, leading,
                     level_ == 3 ? style::text : style::accent, c, "heading \"" + h.text + "\"");
    }
    double gap_before() const override {
        return level_ == 1 ? style::heading_gap_before + 4 : style::heading_gap_before;
    }
    double lead_height() const override {
        return lines_.height() + style::heading_gap_after + (next_ ? next_->lead_height() : 0);
    }
    void place(PageFlow& flow) override {
        flow.keep(lead_height());
        flow.bookmark(level_, text_);
        flow.open("H" + std::to_string(level_));
        lines_.draw(flow, 0, lines_.lines.size());
        flow.close();
    }
    void follow_with(const Box* next) override { next_ = next; }
    bool is_heading() const override { return true; }

  private:
    int level_;
    std::string text_;
    TextLines lines_;
    const Box* next_ = nullptr;
};

class ParagraphBox : public Box {
  public:
    ParagraphBox(const Paragraph& p, LayoutContext& c, const std::string& where) {
        std::vector<Span> spans;
        for (const TextRun& run : p.runs) {
            FontStyle fs = run.emphasis ? FontStyle::italic : FontStyle::regular;
            spans.push_back({c.metrics.checked(run.text, fs, where), fs, {}});
        }
        text_.lines = break_lines(spans, c.width, style::body_size, c.metrics);
    }
    double gap_before() const override { return style::paragraph_gap; }
    double gap_after() const override { return style::paragraph_gap; }
    double lead_height() const override {
        std::size_t n = text_.lines.size();
        return text_.leading * static_cast<double>(n <= 3 ? n : 2);
    }
    // At least two lines stay together at the foot of a page and at the top of
    // the next; a paragraph of three lines or fewer is never split.
    void place(PageFlow& flow) override {
        const std::size_t n = text_.lines.size();
        flow.open("P");
        std::size_t i = 0;
        while (i < n) {
            std::size_t rest = n - i;
            auto fit =
                static_cast<std::size_t>(std::max(0.0, flow.remaining() / text_.leading + 1e-6));
            std::size_t take = std::min(fit, rest);
            if (take < rest) {
                if (rest <= 3)
                    take = 0;
                else if (rest - take < 2)
                    take = rest - 2;
                if (take < 2) take = 0;
                if (take == 0 && flow.at_top()) take = std::max<std::size_t>(fit, 1);
            }
            text_.draw(flow, i, i + take);
            i += take;
            if (i < n) flow.new_page();
        }
        flow.close();
    }

  private:
    TextLines text_;
};

class NotesBox : public Box {
  public:
    NotesBox(const std::vector<std::string>& notes, const std::vector<std::string>& sources,
             LayoutContext& c) {
        for (std::size_t i = 0; i < notes.size(); ++i)
            blocks_.push_back(lines_of(notes[i], FontStyle::regular, style::small_size,
                                       style::small_leading, style::muted, c,
                                       "note " + std::to_string(i + 1)));
        notes_ = notes.size();
        if (!sources.empty()) {
            std::string text = std::string(labels_for(c.language).sources) + ": ";
            for (std::size_t i = 0; i < sources.size(); ++i) text += (i ? "; " : "") + sources[i];
            blocks_.push_back(lines_of(text + ".", FontStyle::regular, style::small_size,
                                       style::small_leading, style::muted, c, "the sources"));
        }
    }
    double gap_before() const override { return style::block_gap + 8; }
    double lead_height() const override { return height(); }
    void place(PageFlow& flow) override {
        if (blocks_.empty()) return;
        if (height() < flow.page_height()) flow.keep(height());
        flow.rule(flow.left(), flow.left() + flow.width() / 3, flow.y(), 0.5, style::rule);
        flow.advance(6);
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            const TextLines& b = blocks_[i];
            flow.keep(b.leading);
            // A Note needs an ID unique in the document (PDF/UA-1, 7.9).
            std::size_t e = flow.open(i < notes_ ? "Note" : "P");
            if (i < notes_) flow.element(e).id = "note-" + std::to_string(e);
            b.draw(flow, 0, b.lines.size());
            flow.close();
            flow.advance(2);
        }
    }

  private:
    double height() const {
        double h = 6;
        for (const TextLines& b : blocks_) h += b.height() + 2;
        return h;
    }
    std::vector<TextLines> blocks_;
    std::size_t notes_ = 0;  // the first blocks are notes, the last the sources
};

class PageBreakBox : public Box {
  public:
    double gap_before() const override { return 0; }
    double gap_after() const override { return 0; }
    double lead_height() const override { return 0; }
    void place(PageFlow& flow) override {
        if (!flow.at_top()) flow.new_page();
    }
};

}  // namespace

std::unique_ptr<Box> make_title(const DocumentInfo& info, LayoutContext& context) {
    return std::make_unique<TitleBox>(info, context);
}

std::unique_ptr<Box> make_heading(const Heading& heading, LayoutContext& context) {
    return std::make_unique<HeadingBox>(heading, context);
}

std::unique_ptr<Box> make_paragraph(const Paragraph& paragraph, LayoutContext& context,
                                    const std::string& where) {
    return std::make_unique<ParagraphBox>(paragraph, context, where);
}

std::unique_ptr<Box> make_notes(const std::vector<std::string>& notes,
                                const std::vector<std::string>& sources, LayoutContext& context) {
    return std::make_unique<NotesBox>(notes, sources, context);
}

std::unique_ptr<Box> make_page_break() { return std::make_unique<PageBreakBox>(); }

std::vector<Line> small_lines(const std::string& text, FontStyle fs, double size, double width,
                              LayoutContext& context, const std::string& where) {
    return break_lines({{context.metrics.checked(text, fs, where), fs, {}}}, width, size,
                       context.metrics);
}

}  // namespace kdx::pdf
