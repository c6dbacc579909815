#pragma once
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <variant>
#include <vector>

class QChart;

namespace headroom::report {

// The report as a list of blocks, independent of pages: ReportDocument lays them out on pages
// and paints them. Text from datasets and scenarios is never interpreted as markup: headings
// and table cells are plain text, paragraphs are HTML built with html::escape() around every
// piece of user text.

struct Heading {
    int level = 1;        // 1 = section (numbered "3"), 2 = subsection ("3.2")
    QString text;         // plain text
};

struct Paragraph {
    QString html;         // trusted markup around escaped text
};

struct Table {
    QStringList headers;              // plain text, repeated on every page the table spans
    QVector<double> widths;           // relative column widths (empty = equal)
    QVector<bool> numeric;            // right-aligned columns
    QVector<QStringList> rows;        // plain text cells
    QString caption;                  // plain text under the table, empty = none
};

struct Chart {
    // Made fresh for every paint (the preview and the PDF paint the same chart), owned by the
    // caller of make().
    std::function<QChart*()> make;
    double height = 240;              // points
    QString caption;                  // plain text under the chart
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, Table, Chart, PageBreak>;

struct TitlePage {
    QString title;                    // "Capacity report"
    QString subtitle;                 // the scenario name
    QVector<QPair<QString, QString>> facts;  // label, value (plain text)
    QString note;                     // plain text at the foot of the page
};

struct Content {
    TitlePage title;
    QString runningTitle;             // left side of the running header
    QString footerLeft;               // left side of the footer (generation date)
    std::vector<Block> blocks;
};

}  // namespace headroom::report
