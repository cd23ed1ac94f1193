#include "kdx/number_format.hpp"
#include "report/report_builder.hpp"
#include "write_test_support.hpp"

namespace kdx::test::xlsx_write {

namespace {

Municipality municipality(std::string number, std::string name, std::string county_number,
                          std::string county, std::int64_t population) {
    Municipality m;
    m.number = std::move(number);
    m.name = std::move(name);
    m.county_number = std::move(county_number);
    m.county_name = std::move(county);
    m.imdi_region = "Midt-Norge";
    m.language = LanguageForm::bokmal;
    m.population = population;
    return m;
}

SettlementFigures figures(const std::string& m, int year, Value requested, Value decided,
                          Value settled) {
    SettlementFigures s;
    s.municipality = m;
    s.year = year;
    s.requested = requested;
    s.decided = decided;
    s.settled = settled;
    return s;
}

Outcome outcome(const std::string& m, int year, Value value, Unit unit, Value cohort) {
    Outcome o;
    o.municipality = m;
    o.indicator = "work-or-education-1y";
    o.year = year;
    o.value = value;
    o.unit = unit;
    o.cohort_size = cohort;
    o.source = "IMDi";
    return o;
}

}  // namespace

Dataset sample_dataset() {
    Dataset d;
    d.info.title = "Bosetting i Trøndelag og Innlandet (testdata)";
    d.info.description = "Tall laget for testene av xlsx-skriveren.";
    d.info.provenance = {"IMDi, bosettingstall", "SSB, befolkning"};
    std::uint32_t source = d.add_source("partner.xlsx", "Bosetting");
    d.municipalities = {municipality("5006", "Steinkjer", "50", "Trøndelag", 24000),
                        municipality("5041", "Snåase – Snåsa", "50", "Trøndelag", 2100),
                        municipality("3413", "Stange", "34", "Innlandet", 21000)};
    d.municipalities[0].valid_from = 2020;
    d.municipalities[1].language = LanguageForm::neutral;
    d.municipalities[1].other_names = {"Snåase", "Snåsa"};
    d.municipalities[1].origin = {source, 7, 2};
    d.settlement = {figures("5006", 2016, 110, 110, 118), figures("5006", 2017, 60, 60, 57),
                    figures("5006", 2018, 25, 25, 22),
                    figures("5041", 2017, 5, Value::missing(), Value::suppressed()),
                    figures("3413", 2018, 15, 15, 1234567)};
    d.settlement[0].unaccompanied_minors = 12;
    d.settlement[0].family_reunifications = Value::suppressed();

    Programme intro;
    intro.id = "steinkjer-intro";
    intro.municipality = "5006";
    intro.kind = ProgrammeKind::introduction_programme;
    intro.name = "Introduksjonsprogram med yrkesløp";
    intro.description = "Helsefag i samarbeid med NAV og videregående skole.";
    intro.partners = {"NAV Steinkjer", "Trøndelag fylkeskommune"};
    intro.years = {2016, 2017, 2018};
    d.programmes = {intro};

    d.outcomes = {outcome("5006", 2017, 63.5, Unit::percent, 42),
                  outcome("0000", 2017, 61.0, Unit::percent, 5100),
                  outcome("5041", 2017, Value::suppressed(), Unit::percent, 3),
                  outcome("5006", 2018, 4.2, Unit::per_mille, Value()),
                  outcome("5006", 2018, 1250000, Unit::nok, Value())};
    d.outcomes[3].indicator = "reunification-rate";
    d.outcomes[4].indicator = "grant";

    Nomination n;
    n.prize = "bosettings-og-inkluderingsprisen";
    n.year = 2018;
    n.municipality = "5006";
    n.summary = "Steinkjer bosetter jevnt gjennom året og deler det den har lært.";
    n.sections = {{"Jevn bosetting", "Kommunen bosetter i tråd med anmodningene."},
                  {"Samarbeid", "Flyktningtjenesten og NAV arbeider tett sammen."}};
    n.last_updated = "2018-12-21";
    n.votes = 7;
    Nomination stange = n;
    stange.municipality = "3413";
    stange.summary = "Stange samarbeider bredt med frivillige lag.";
    stange.sections = {{"Frivillighet", "Frivillige lag tar imot nye innbyggere."}};
    stange.votes = Value();
    d.nominations = {n, stange};

    Indicator grant;
    grant.id = "grant";
    grant.label_nb = "Integreringstilskudd";
    grant.unit = Unit::nok;
    Indicator rate;
    rate.id = "reunification-rate";
    rate.label_nb = "Familiegjenforente per tusen bosatte";
    rate.unit = Unit::per_mille;
    d.indicators = {grant, rate};
    return d;
}

Document sample_document() {
    Document doc;
    doc.info.title = "Steinkjer – bosetting og integrering";
    doc.info.subtitle = "Nominert til Bosettings- og inkluderingsprisen 2018";
    doc.info.language = "nb";
    doc.info.author = "IMDi";
    doc.info.subject = "Bosetting";
    doc.info.keywords = {"bosetting", "integrering", "Steinkjer"};
    doc.info.sources = {"nominees-2018.xml"};
    doc.info.generator = "kdx";
    doc.info.date = "2018-12-21";

    KeyFigures k;
    k.figures = {{"Bosatt 2018", 22, Unit::persons, -35, "22"},
                 {"I arbeid eller utdanning", 63.5, Unit::percent, 2.5, "63,5 %"},
                 {"Enslige mindreårige", Value::suppressed(), Unit::persons, Value(), ":"}};
    doc.blocks.push_back(k);
    doc.blocks.push_back(Heading{1, "Jevn bosetting"});
    doc.blocks.push_back(Paragraph{{{"Kommunen bosetter i tråd med ", false},
                                    {"IMDis anmodninger", true},
                                    {" og fordeler bosettingen over året.", false}}});
    doc.blocks.push_back(Paragraph{{{"=1+1 er ikke en formel her.", false}}});

    Table t;
    // 40 characters, with æøå and characters Excel forbids in sheet names.
    t.caption = "Bosetting/år i Snåsa: anmodet og bosatte";
    t.columns = {{"År", TableColumn::Type::year},
                 {"Kommune", TableColumn::Type::text},
                 {"Anmodning", TableColumn::Type::count},
                 {"Bosatt", TableColumn::Type::count},
                 {"Andel", TableColumn::Type::percent}};
    t.rows = {{{"2016", 2016}, {"Steinkjer", {}}, {"110", 110}, {"118", 118}, {"107,3 %", 107.27}},
              {{"2017", 2017},
               {"=SUM(A1:A2)", {}},
               {"5", 5},
               {":", Value::suppressed()},
               {":", Value::suppressed()}},
              {{"2018", 2018}, {"Ørland", {}}, {"25", 25}, {"", Value()}, {"", Value()}},
              {{"", {}}, {"I alt", {}}, {"140", 140}, {":", Value::suppressed()}, {"", Value()}}};
    t.last_row_is_total = true;
    t.notes = {"Tall under 5 er skjult (:)."};
    doc.blocks.push_back(t);
    Table again = t;  // the same caption again needs another sheet name
    again.notes.clear();
    doc.blocks.push_back(again);

    Chart bar;
    bar.kind = Chart::Kind::bar;
    bar.title = "Bosatte per år";
    bar.categories = {"2016", "2017", "2018"};
    bar.series = {{"Anmodning", {110, 60, 25}}, {"Bosatt", {118, Value::suppressed(), 22}}};
    bar.x_title = "År";
    bar.y_title = "Personer";
    doc.blocks.push_back(bar);
    doc.blocks.push_back(PageBreak{});
    Chart line = bar;
    line.kind = Chart::Kind::line;
    line.title = "=Andel i 'arbeid'";
    line.unit = Unit::percent;
    line.series = {{"Steinkjer", {58.0, 63.5, Value()}}, {"Hele landet", {60.2, 61.0, 62.1}}};
    line.y_title = "Prosent";
    doc.blocks.push_back(line);
    doc.notes = {": Tallet er skjult fordi det er under 5."};
    return doc;
}

Document shipped_document(const std::string& template_id) {
    auto t = report::read_template(source_dir() / "templates" / (template_id + ".xml"));
    report::ReportRequest r;
    r.date = "2018-12-21";
    r.data_files = {"nominees-2018.xml"};
    if (template_id == "imdi-dossier" || template_id == "council-report") {
        r.municipality = "5006";
        r.year = 2017;
    } else if (template_id == "county-overview") {
        r.county = "50";
        r.year = 2017;
    } else {
        r.year = 2018;
    }
    Diagnostics diagnostics;
    Document doc = report::build_report(t, sample_dataset(), r, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return doc;
}

}  // namespace kdx::test::xlsx_write
