#include "host/wire.hpp"

#include <cstring>

#include "kdx/error.hpp"

namespace kdx::host::wire {

namespace {

// Bumped whenever a field is added to the model, the document or this layout.
constexpr std::uint32_t layout_version = 1;
constexpr char magic[4] = {'K', 'D', 'X', 'W'};

// A field added to a struct that travels and not here would be lost silently
// between kdx and a plugin in a child process: the sizes (x86-64, libstdc++)
// stop the build instead. Whoever changes one adds the field to put() and
// get() below, bumps layout_version and updates the size.
#if defined(__x86_64__) && defined(__GLIBCXX__)
#define KDX_WIRE_SIZE(T, n) \
    static_assert(sizeof(T) == (n), "kdx::" #T " changed: update core/src/host/wire.cpp")
KDX_WIRE_SIZE(Origin, 12);
KDX_WIRE_SIZE(Source, 96);
KDX_WIRE_SIZE(Municipality, 232);
KDX_WIRE_SIZE(SettlementFigures, 136);
KDX_WIRE_SIZE(Programme, 200);
KDX_WIRE_SIZE(Indicator, 136);
KDX_WIRE_SIZE(Outcome, 192);
KDX_WIRE_SIZE(Section, 64);
KDX_WIRE_SIZE(Nomination, 200);
KDX_WIRE_SIZE(DataSource, 224);
KDX_WIRE_SIZE(DatasetInfo, 176);
KDX_WIRE_SIZE(DocumentInfo, 456);
KDX_WIRE_SIZE(Provenance, 144);
KDX_WIRE_SIZE(ProvenanceFile, 64);
KDX_WIRE_SIZE(Document, 504);
KDX_WIRE_SIZE(Heading, 40);
KDX_WIRE_SIZE(Paragraph, 24);
KDX_WIRE_SIZE(TextRun, 40);
KDX_WIRE_SIZE(KeyFigures, 24);
KDX_WIRE_SIZE(KeyFigure, 104);
KDX_WIRE_SIZE(Table, 112);
KDX_WIRE_SIZE(TableColumn, 40);
KDX_WIRE_SIZE(TableCell, 48);
KDX_WIRE_SIZE(Chart, 160);
KDX_WIRE_SIZE(ChartSeries, 56);
KDX_WIRE_SIZE(Location, 104);
KDX_WIRE_SIZE(Diagnostic, 144);
static_assert(std::variant_size_v<Block> == 6,
              "a new kind of Block: update core/src/host/wire.cpp");
#undef KDX_WIRE_SIZE
#endif

template <typename T, typename Put>
void put_all(Writer& w, const std::vector<T>& items, Put put_one) {
    w.i64(static_cast<std::int64_t>(items.size()));
    for (const T& item : items) put_one(item);
}

template <typename T, typename Get>
void get_all(Reader& r, std::vector<T>& items, Get get_one) {
    std::size_t n = r.count();
    items.clear();
    items.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        items.emplace_back();
        get_one(items.back());
    }
}

void put(Writer& w, const std::vector<std::string>& v) {
    put_all(w, v, [&](const std::string& s) { w.text(s); });
}
void get(Reader& r, std::vector<std::string>& v) {
    get_all(r, v, [&](std::string& s) { s = r.text(); });
}

void put(Writer& w, const Value& v) {
    w.u8(static_cast<std::uint8_t>(v.state()));
    w.f64(v.get());
}
void get(Reader& r, Value& v) {
    const std::uint8_t state = r.u8();
    const double number = r.f64();
    switch (static_cast<Value::State>(state)) {
        case Value::State::missing:
            v = Value::missing();
            break;
        case Value::State::present:
            v = Value(number);
            break;
        case Value::State::suppressed:
            v = Value::suppressed();
            break;
        default:
            r.fail("a value of unknown state " + std::to_string(state));
    }
}

// Enumerations travel as their underlying number.
template <typename E>
void put_enum(Writer& w, E e) {
    w.u32(static_cast<std::uint32_t>(e));
}
template <typename E>
void get_enum(Reader& r, E& e) {
    e = static_cast<E>(r.u32());
}

void put_int(Writer& w, int v) { w.i64(v); }
void get_int(Reader& r, int& v) { v = static_cast<int>(r.i64()); }

void put(Writer& w, const Origin& o) {
    w.u32(o.source);
    w.u32(o.line);
    w.u32(o.column);
}
void get(Reader& r, Origin& o) {
    o.source = r.u32();
    o.line = r.u32();
    o.column = r.u32();
}

void put_info(Writer& w, const DatasetInfo& i) {
    w.text(i.title);
    w.text(i.description);
    w.text(i.language);
    put(w, i.provenance);
    put_all(w, i.data_sources, [&](const DataSource& s) {
        for (const std::string* t :
             {&s.publisher, &s.title_nb, &s.title_nn, &s.title_en, &s.as_of, &s.licence, &s.link})
            w.text(*t);
    });
    w.text(i.publisher);
}
void get_info(Reader& r, DatasetInfo& i) {
    i.title = r.text();
    i.description = r.text();
    i.language = r.text();
    get(r, i.provenance);
    get_all(r, i.data_sources, [&](DataSource& s) {
        for (std::string* t :
             {&s.publisher, &s.title_nb, &s.title_nn, &s.title_en, &s.as_of, &s.licence, &s.link})
            *t = r.text();
    });
    i.publisher = r.text();
}

}  // namespace

[[noreturn]] void Reader::fail(const std::string& why) const {
    throw Error("malformed " + what_ + " at byte " + std::to_string(pos_) + ": " + why);
}

void Reader::raw(void* p, std::size_t n) {
    if (bytes_.size() - pos_ < n) fail("it ends early");
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
}

std::uint8_t Reader::u8() {
    std::uint8_t v;
    raw(&v, 1);
    return v;
}
std::uint32_t Reader::u32() {
    std::uint32_t v;
    raw(&v, sizeof v);
    return v;
}
std::int64_t Reader::i64() {
    std::int64_t v;
    raw(&v, sizeof v);
    return v;
}
double Reader::f64() {
    double v;
    raw(&v, sizeof v);
    return v;
}
std::size_t Reader::count() {
    const std::int64_t n = i64();
    if (n < 0 || static_cast<std::uint64_t>(n) > bytes_.size() - pos_)
        fail("a count of " + std::to_string(n) + " is more than the bytes left");
    return static_cast<std::size_t>(n);
}
std::string Reader::text() {
    const std::size_t n = count();
    std::string s(bytes_.data() + pos_, n);
    pos_ += n;
    return s;
}

void put_header(Writer& w) {
    for (char c : magic) w.u8(static_cast<std::uint8_t>(c));
    w.u32(layout_version);
}

void get_header(Reader& r) {
    for (char c : magic)
        if (r.u8() != static_cast<std::uint8_t>(c)) r.fail("it does not start with KDXW");
    const std::uint32_t version = r.u32();
    if (version != layout_version)
        r.fail("layout " + std::to_string(version) + ", expected " +
               std::to_string(layout_version) + " (a kdx-plugin-runner of another kdx build?)");
}

void put(Writer& w, const Dataset& d) {
    put_info(w, d.info);
    put_all(w, d.sources, [&](const Source& s) {
        w.text(s.file);
        w.text(s.sheet);
        w.text(s.sha256);
    });
    put_all(w, d.indicators, [&](const Indicator& i) {
        w.text(i.id);
        w.text(i.label_nb);
        w.text(i.label_nn);
        w.text(i.label_en);
        put_enum(w, i.unit);
        w.u8(i.additive);
        w.u8(i.person_statistic);
    });
    put_all(w, d.municipalities, [&](const Municipality& m) {
        w.text(m.number);
        w.text(m.name);
        w.text(m.county_number);
        w.text(m.county_name);
        w.text(m.imdi_region);
        put_enum(w, m.language);
        w.u8(m.population.has_value());
        w.i64(m.population.value_or(0));
        put(w, m.other_names);
        put_int(w, m.valid_from);
        put_int(w, m.valid_to);
        put(w, m.origin);
    });
    put_all(w, d.settlement, [&](const SettlementFigures& s) {
        w.text(s.municipality);
        put_int(w, s.year);
        for (const Value* v : {&s.requested, &s.decided, &s.settled, &s.unaccompanied_minors,
                               &s.family_reunifications})
            put(w, *v);
        put(w, s.origin);
    });
    put_all(w, d.programmes, [&](const Programme& p) {
        w.text(p.id);
        w.text(p.municipality);
        put_enum(w, p.kind);
        w.text(p.name);
        w.text(p.description);
        put(w, p.partners);
        put_all(w, p.years, [&](int y) { put_int(w, y); });
        put(w, p.origin);
    });
    put_all(w, d.outcomes, [&](const Outcome& o) {
        w.text(o.municipality);
        w.text(o.programme);
        w.text(o.indicator);
        put_int(w, o.year);
        put(w, o.value);
        put_enum(w, o.unit);
        put(w, o.cohort_size);
        w.text(o.source);
        put(w, o.origin);
    });
    put_all(w, d.nominations, [&](const Nomination& n) {
        w.text(n.prize);
        put_int(w, n.year);
        w.text(n.municipality);
        put_enum(w, n.status);
        w.text(n.summary);
        put_all(w, n.sections, [&](const Section& s) {
            w.text(s.heading);
            w.text(s.text);
        });
        w.text(n.last_updated);
        put(w, n.votes);
        put(w, n.origin);
    });
}

void get(Reader& r, Dataset& d) {
    get_info(r, d.info);
    get_all(r, d.sources, [&](Source& s) {
        s.file = r.text();
        s.sheet = r.text();
        s.sha256 = r.text();
    });
    get_all(r, d.indicators, [&](Indicator& i) {
        i.id = r.text();
        i.label_nb = r.text();
        i.label_nn = r.text();
        i.label_en = r.text();
        get_enum(r, i.unit);
        i.additive = r.u8() != 0;
        i.person_statistic = r.u8() != 0;
    });
    get_all(r, d.municipalities, [&](Municipality& m) {
        m.number = r.text();
        m.name = r.text();
        m.county_number = r.text();
        m.county_name = r.text();
        m.imdi_region = r.text();
        get_enum(r, m.language);
        const bool has_population = r.u8() != 0;
        const std::int64_t population = r.i64();
        if (has_population) m.population = population;
        get(r, m.other_names);
        get_int(r, m.valid_from);
        get_int(r, m.valid_to);
        get(r, m.origin);
    });
    get_all(r, d.settlement, [&](SettlementFigures& s) {
        s.municipality = r.text();
        get_int(r, s.year);
        for (Value* v : {&s.requested, &s.decided, &s.settled, &s.unaccompanied_minors,
                         &s.family_reunifications})
            get(r, *v);
        get(r, s.origin);
    });
    get_all(r, d.programmes, [&](Programme& p) {
        p.id = r.text();
        p.municipality = r.text();
        get_enum(r, p.kind);
        p.name = r.text();
        p.description = r.text();
        get(r, p.partners);
        get_all(r, p.years, [&](int& y) { get_int(r, y); });
        get(r, p.origin);
    });
    get_all(r, d.outcomes, [&](Outcome& o) {
        o.municipality = r.text();
        o.programme = r.text();
        o.indicator = r.text();
        get_int(r, o.year);
        get(r, o.value);
        get_enum(r, o.unit);
        get(r, o.cohort_size);
        o.source = r.text();
        get(r, o.origin);
    });
    get_all(r, d.nominations, [&](Nomination& n) {
        n.prize = r.text();
        get_int(r, n.year);
        n.municipality = r.text();
        get_enum(r, n.status);
        n.summary = r.text();
        get_all(r, n.sections, [&](Section& s) {
            s.heading = r.text();
            s.text = r.text();
        });
        n.last_updated = r.text();
        get(r, n.votes);
        get(r, n.origin);
    });
    d.reindex();
}

namespace {

// The order of Block's alternatives is the tag written before each block.
struct PutBlock {
    Writer& w;
    void operator()(const Heading& h) const {
        put_int(w, h.level);
        w.text(h.text);
    }
    void operator()(const Paragraph& p) const {
        put_all(w, p.runs, [&](const TextRun& run) {
            w.text(run.text);
            w.u8(run.emphasis);
        });
    }
    void operator()(const KeyFigures& k) const {
        put_all(w, k.figures, [&](const KeyFigure& f) {
            w.text(f.label);
            put(w, f.value);
            put_enum(w, f.unit);
            put(w, f.change);
            w.text(f.text);
        });
    }
    void operator()(const Table& t) const {
        w.text(t.caption);
        put_all(w, t.columns, [&](const TableColumn& c) {
            w.text(c.header);
            put_enum(w, c.type);
        });
        put_all(w, t.rows, [&](const std::vector<TableCell>& row) {
            put_all(w, row, [&](const TableCell& cell) {
                w.text(cell.text);
                put(w, cell.value);
            });
        });
        w.u8(t.last_row_is_total);
        put(w, t.notes);
    }
    void operator()(const Chart& c) const {
        put_enum(w, c.kind);
        w.text(c.title);
        put(w, c.categories);
        put_all(w, c.series, [&](const ChartSeries& s) {
            w.text(s.name);
            put_all(w, s.values, [&](const Value& v) { put(w, v); });
        });
        w.text(c.x_title);
        w.text(c.y_title);
        put_enum(w, c.unit);
    }
    void operator()(const PageBreak&) const {}
};

struct GetBlock {
    Reader& r;
    void operator()(Heading& h) const {
        get_int(r, h.level);
        h.text = r.text();
    }
    void operator()(Paragraph& p) const {
        get_all(r, p.runs, [&](TextRun& run) {
            run.text = r.text();
            run.emphasis = r.u8() != 0;
        });
    }
    void operator()(KeyFigures& k) const {
        get_all(r, k.figures, [&](KeyFigure& f) {
            f.label = r.text();
            get(r, f.value);
            get_enum(r, f.unit);
            get(r, f.change);
            f.text = r.text();
        });
    }
    void operator()(Table& t) const {
        t.caption = r.text();
        get_all(r, t.columns, [&](TableColumn& c) {
            c.header = r.text();
            get_enum(r, c.type);
        });
        get_all(r, t.rows, [&](std::vector<TableCell>& row) {
            get_all(r, row, [&](TableCell& cell) {
                cell.text = r.text();
                get(r, cell.value);
            });
        });
        t.last_row_is_total = r.u8() != 0;
        get(r, t.notes);
    }
    void operator()(Chart& c) const {
        get_enum(r, c.kind);
        c.title = r.text();
        get(r, c.categories);
        get_all(r, c.series, [&](ChartSeries& s) {
            s.name = r.text();
            get_all(r, s.values, [&](Value& v) { get(r, v); });
        });
        c.x_title = r.text();
        c.y_title = r.text();
        get_enum(r, c.unit);
    }
    void operator()(PageBreak&) const {}
};

// A default-constructed block of alternative `index`.
template <std::size_t... I>
Block block_of(std::size_t index, std::index_sequence<I...>) {
    Block b;
    ((index == I ? (void)b.emplace<I>() : (void)0), ...);
    return b;
}

}  // namespace

void put(Writer& w, const Document& d) {
    const DocumentInfo& i = d.info;
    for (const std::string* t : {&i.title, &i.subtitle, &i.language, &i.author, &i.subject})
        w.text(*t);
    put(w, i.keywords);
    put(w, i.sources);
    for (const std::string* t : {&i.template_id, &i.generator, &i.date}) w.text(*t);
    put_int(w, i.year);
    const Provenance& p = i.provenance;
    put_all(w, p.inputs, [&](const ProvenanceFile& f) {
        w.text(f.name);
        w.text(f.sha256);
    });
    w.text(p.template_id);
    w.text(p.template_sha256);
    put(w, p.plugins);
    w.text(p.generator);
    put_all(w, d.blocks, [&](const Block& b) {
        w.u32(static_cast<std::uint32_t>(b.index()));
        std::visit(PutBlock{w}, b);
    });
    put(w, d.notes);
}

void get(Reader& r, Document& d) {
    DocumentInfo& i = d.info;
    for (std::string* t : {&i.title, &i.subtitle, &i.language, &i.author, &i.subject})
        *t = r.text();
    get(r, i.keywords);
    get(r, i.sources);
    for (std::string* t : {&i.template_id, &i.generator, &i.date}) *t = r.text();
    get_int(r, i.year);
    Provenance& p = i.provenance;
    get_all(r, p.inputs, [&](ProvenanceFile& f) {
        f.name = r.text();
        f.sha256 = r.text();
    });
    p.template_id = r.text();
    p.template_sha256 = r.text();
    get(r, p.plugins);
    p.generator = r.text();
    get_all(r, d.blocks, [&](Block& b) {
        const std::uint32_t index = r.u32();
        if (index >= std::variant_size_v<Block>)
            r.fail("a block of unknown kind " + std::to_string(index));
        b = block_of(index, std::make_index_sequence<std::variant_size_v<Block>>());
        std::visit(GetBlock{r}, b);
    });
    get(r, d.notes);
}

void put(Writer& w, const Location& l) {
    w.text(l.file);
    w.u32(l.line);
    w.u32(l.column);
    w.text(l.sheet);
    w.text(l.cell);
}

void get(Reader& r, Location& l) {
    l.file = r.text();
    l.line = r.u32();
    l.column = r.u32();
    l.sheet = r.text();
    l.cell = r.text();
}

void put(Writer& w, const Diagnostics& d) {
    put_all(w, d.items(), [&](const Diagnostic& x) {
        put_enum(w, x.severity);
        w.text(x.message);
        put(w, x.where);
    });
}

void get(Reader& r, Diagnostics& d) {
    std::vector<Diagnostic> items;
    get_all(r, items, [&](Diagnostic& x) {
        get_enum(r, x.severity);
        x.message = r.text();
        get(r, x.where);
    });
    for (Diagnostic& x : items) d.add(std::move(x));
}

void put(Writer& w, const Options& o) {
    w.i64(static_cast<std::int64_t>(o.size()));
    for (const auto& [key, value] : o) {
        w.text(key);
        w.text(value);
    }
}

void get(Reader& r, Options& o) {
    const std::size_t n = r.count();
    for (std::size_t i = 0; i < n; ++i) {
        std::string key = r.text();
        o[key] = r.text();
    }
}

}  // namespace kdx::host::wire
