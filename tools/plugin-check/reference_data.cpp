#include "reference_data.hpp"

#include "kdx/registry.hpp"

namespace kdx::check {

namespace {

Municipality municipality(std::string number, std::string name, std::string county_number,
                          std::string county_name, std::string region, LanguageForm language) {
    Municipality m;
    m.number = std::move(number);
    m.name = std::move(name);
    m.county_number = std::move(county_number);
    m.county_name = std::move(county_name);
    m.imdi_region = std::move(region);
    m.language = language;
    return m;
}

SettlementFigures figures(std::string number, int year, Value requested, Value decided,
                          Value settled, Value minors, Value reunifications) {
    SettlementFigures s;
    s.municipality = std::move(number);
    s.year = year;
    s.requested = requested;
    s.decided = decided;
    s.settled = settled;
    s.unaccompanied_minors = minors;
    s.family_reunifications = reunifications;
    return s;
}

Outcome outcome(std::string number, std::string programme, std::string indicator, int year,
                Value value, Unit unit, Value cohort, std::string source) {
    Outcome o;
    o.municipality = std::move(number);
    o.programme = std::move(programme);
    o.indicator = std::move(indicator);
    o.year = year;
    o.value = value;
    o.unit = unit;
    o.cohort_size = cohort;
    o.source = std::move(source);
    return o;
}

// The reference year: every number below was in use then (checked against the
// registry, so that readers which complete municipalities from it agree).
constexpr int reference_year = 2018;

Municipality from_registry(const std::string& number, std::string region, LanguageForm language,
                           std::optional<std::int64_t> population) {
    std::optional<Municipality> m = MunicipalityRegistry::builtin().find(number, reference_year);
    Municipality out = m ? *m : municipality(number, "Kommune " + number, "", "", "", language);
    out.imdi_region = std::move(region);
    // The registry's language decision where it has one, since readers that
    // complete municipalities from the registry fill it in too.
    if (!m || m->language == LanguageForm::unspecified) out.language = language;
    out.population = population;
    out.origin = {};
    return out;
}

void add_municipalities(Dataset& d) {
    d.municipalities = {
        from_registry("5004", "Midt-Norge", LanguageForm::neutral, 22000),    // Steinkjer
        from_registry("0417", "Indre Østland", LanguageForm::bokmal, 20000),  // Stange
        from_registry("1940", "Nord", LanguageForm::bokmal,
                      std::nullopt),  // Kåfjord, with Sámi and Kven names
        from_registry("1416", "Vest", LanguageForm::nynorsk, 4000),  // Høyanger
    };
}

void add_figures(Dataset& d) {
    const Value suppressed = Value::suppressed();
    const Value missing = Value::missing();
    d.settlement = {
        figures("5004", 2018, 60, 60, 58, 4, 12),
        figures("5004", 2019, 30, 30, 0, missing, suppressed),
        figures("0417", 2018, 35, 35, suppressed, 0, missing),
        figures("0417", 2019, 20, missing, 18, 2, 3),
        figures("1940", 2019, 5, 0, missing, missing, missing),
        figures("1416", 2019, 10, 8, 8, 0, 0),
    };
    d.outcomes = {
        outcome("5004", "steinkjer-intro", "work-or-education-1y", 2018, 61.5, Unit::percent, 26,
                "SSB"),
        outcome("5004", "", "settled-per-1000", 2019, 0, Unit::per_mille, missing, "IMDi"),
        outcome("0417", "", "work-or-education-1y", 2018, suppressed, Unit::percent, 3, "SSB"),
        outcome("0417", "stange-norsk", "norwegian-test-b1", 2019, 0.705, Unit::percent, missing,
                "Kompetanse Norge"),
    };
}

void add_programmes(Dataset& d) {
    Programme intro;
    intro.id = "steinkjer-intro";
    intro.municipality = "5004";
    intro.kind = ProgrammeKind::introduction_programme;
    intro.name = "Introduksjonsprogrammet i Steinkjer";
    intro.description =
        "Språk & arbeid <fra første dag>: \"Steinkjer-modellen\".\n"
        "Andre linje; med semikolon, komma og 'apostrof'.";
    intro.partners = {"NAV Steinkjer", "Trøndelag fylkeskommune", "Lokale arbeidsgivere"};
    intro.years = {2018, 2019};
    Programme norsk;
    norsk.id = "stange-norsk";
    norsk.municipality = "0417";
    norsk.kind = ProgrammeKind::norwegian_training;
    norsk.name = "Norskopplæring på arbeidsplassen";
    norsk.years = {2019};
    d.programmes = {intro, norsk};
}

void add_nominations(Dataset& d) {
    Nomination winner;
    winner.prize = "bosettings-og-inkluderingsprisen";
    winner.year = 2018;
    winner.municipality = "5004";
    winner.status = NominationStatus::finalist;
    winner.summary = "Steinkjer får flyktninger raskt ut i arbeid – «alle skal med».";
    winner.sections = {{"Bosetting", "Kommunen har bosatt flere enn IMDi ba om.\nTo linjer."},
                       {"Kvalifisering", "Ærlig, østlig og åpen: æøå ÆØÅ."}};
    winner.last_updated = "2018-12-21";
    winner.votes = 1234;
    Nomination nominee;
    nominee.prize = "bosettings-og-inkluderingsprisen";
    nominee.year = 2018;
    nominee.municipality = "0417";
    nominee.summary = "Stange samarbeider tett med frivilligheten.";
    nominee.votes = 0;
    d.nominations = {winner, nominee};
}

}  // namespace

Dataset reference_dataset() {
    Dataset d;
    d.info.title = "Referansedatasett for kdx-plugin-check";
    d.info.description = "Oppdiktede tall: manglende, 0 og skjermede verdier side om side.";
    d.info.language = "nb";
    d.info.provenance = {"kdx-plugin-check", "Tallene er oppdiktet"};
    Indicator b1;
    b1.id = "norwegian-test-b1";
    b1.label_nb = "Bestått norskprøve på nivå B1";
    b1.label_nn = "Bestått norskprøve på nivå B1";
    b1.label_en = "Passed the Norwegian test at level B1";
    b1.unit = Unit::percent;
    d.indicators = {b1};
    add_municipalities(d);
    add_figures(d);
    add_programmes(d);
    add_nominations(d);
    return d;
}

Document reference_document() {
    Document doc;
    doc.info.title = "Bosetting og kvalifisering i Trøndelag";
    doc.info.subtitle = "Referansedokument for kdx-plugin-check";
    doc.info.language = "nb";
    doc.info.author = "kdx-plugin-check";
    doc.info.subject = "Bosetting";
    doc.info.keywords = {"bosetting", "flyktninger"};
    doc.info.sources = {"Oppdiktede tall"};
    doc.info.template_id = "plugin-check";
    doc.info.generator = "kdx-plugin-check";
    doc.info.date = "2019-02-13";

    doc.blocks.push_back(Heading{1, "Bosetting i Steinkjer og Stange"});
    doc.blocks.push_back(Paragraph{{{"Tall under 5 er skjermet og vises som ", false},
                                    {":", true},
                                    {". Ærlig talt: æøå.", false}}});
    KeyFigures key;
    key.figures = {{"Bosatt 2018", 18, Unit::persons, -17, "18"},
                   {"Skjermet", Value::suppressed(), Unit::persons, Value(), ":"}};
    doc.blocks.push_back(key);
    Table table;
    table.caption = "Anmodning, vedtak og bosatte";
    table.columns = {{"Kommune", TableColumn::Type::text},
                     {"År", TableColumn::Type::year},
                     {"Bosatt", TableColumn::Type::count}};
    table.rows = {{{"Steinkjer", {}}, {"2018", 2018}, {"0", 0}},
                  {{"Stange", {}}, {"2017", 2017}, {":", Value::suppressed()}},
                  {{"Sum", {}}, {"", {}}, {"58", 58}}};
    table.last_row_is_total = true;
    table.notes = {": skjermet"};
    doc.blocks.push_back(table);
    doc.blocks.push_back(PageBreak{});
    Chart chart;
    chart.title = "Bosatte per år";
    chart.categories = {"2017", "2018"};
    chart.series = {{"Steinkjer", {58, 0}}, {"Stange", {Value::suppressed(), 18}}};
    chart.x_title = "År";
    chart.y_title = "Personer";
    doc.blocks.push_back(chart);
    doc.notes = {": tallet er skjermet fordi det er lite."};
    return doc;
}

}  // namespace kdx::check
