#include "report_document.h"

#include "report_chart_painter.h"
#include "report_style.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextDocument>
#include <QTextOption>

namespace headroom::report {

namespace {

constexpr double kContentWidth = ReportDocument::kPageWidth - style::kMarginLeft - style::kMarginRight;
constexpr double kContentBottom = ReportDocument::kPageHeight - style::kContentBottomGap;
constexpr double kTocLine = 18;
constexpr double kTocTop = style::kContentTop + 40;

std::unique_ptr<QTextDocument> textBlock(const QString& text, const QFont& font, double width, bool html,
                                         Qt::Alignment align = Qt::AlignLeft)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDocumentMargin(0);
    doc->setDefaultFont(font);
    QTextOption option = doc->defaultTextOption();
    option.setAlignment(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);  // long names break rather than overflow
    doc->setDefaultTextOption(option);
    if (html)
        doc->setHtml(text);
    else
        doc->setPlainText(text);
    doc->setTextWidth(width);
    return doc;
}

void drawText(QPainter& p, const QTextDocument& doc, QPointF at, const QColor& color = style::ink())
{
    p.save();
    p.translate(at);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette.setColor(QPalette::Text, color);  // never the screen palette (dark mode)
    doc.documentLayout()->draw(&p, ctx);
    p.restore();
}

}  // namespace

// Text measured once per block: headings and paragraphs are one document, tables one per cell.
struct ReportDocument::Measured {
    std::unique_ptr<QTextDocument> text;
    QString number;  // heading number
    std::vector<std::vector<std::unique_ptr<QTextDocument>>> cells;  // [row + 1][column], row 0 = headers
    std::vector<double> rowHeights;                                  // same indexing
    std::vector<double> columnX, columnW;
    std::unique_ptr<QTextDocument> caption;
};

struct ReportDocument::Item {
    enum class Kind { Text, TableRow, TableCaption, Chart, ChartCaption };
    Kind kind = Kind::Text;
    int block = 0;
    int row = 0;  // TableRow: 0 = header row, r + 1 = data row r
    QRectF rect;
};

struct ReportDocument::Page {
    std::vector<Item> items;
    QString section;  // shown in the running header
};

ReportDocument::ReportDocument(Content content) : content_(std::move(content))
{
    measure();
    layout();
}

ReportDocument::~ReportDocument() = default;

int ReportDocument::pageCount() const { return 1 + tocPages_ + int(pages_.size()); }

void ReportDocument::measure()
{
    int section = 0, subsection = 0;
    for (const Block& block : content_.blocks) {
        auto m = std::make_unique<Measured>();
        if (const auto* h = std::get_if<Heading>(&block)) {
            if (h->level <= 1) {
                ++section;
                subsection = 0;
                m->number = QString::number(section);
            } else {
                m->number = QStringLiteral("%1.%2").arg(section).arg(++subsection);
            }
            const QFont f = style::font(h->level <= 1 ? style::kHeading1Size : style::kHeading2Size, true);
            m->text = textBlock(m->number + QStringLiteral("  ") + h->text, f, kContentWidth, false);
        } else if (const auto* para = std::get_if<Paragraph>(&block)) {
            m->text = textBlock(para->html, style::font(style::kBodySize), kContentWidth, true);
        } else if (const auto* t = std::get_if<Table>(&block)) {
            const int columns = int(t->headers.size());
            double total = 0;
            for (int c = 0; c < columns; ++c) total += t->widths.value(c, 1.0);
            double x = 0;
            for (int c = 0; c < columns; ++c) {
                const double w = kContentWidth * t->widths.value(c, 1.0) / total;
                m->columnX.push_back(x);
                m->columnW.push_back(w);
                x += w;
            }
            auto addRow = [&](const QStringList& cells, bool header) {
                std::vector<std::unique_ptr<QTextDocument>> row;
                double height = 0;
                for (int c = 0; c < columns; ++c) {
                    const Qt::Alignment align = t->numeric.value(c, false) ? Qt::AlignRight : Qt::AlignLeft;
                    auto doc = textBlock(cells.value(c), style::font(style::kTableSize, header),
                                         m->columnW[c] - 2 * style::kCellPad, false, align);
                    height = std::max(height, doc->size().height());
                    row.push_back(std::move(doc));
                }
                m->cells.push_back(std::move(row));
                m->rowHeights.push_back(height + 2 * style::kCellPad);
            };
            addRow(t->headers, true);
            for (const QStringList& r : t->rows) addRow(r, false);
            if (!t->caption.isEmpty())
                m->caption = textBlock(t->caption, style::font(style::kSmallSize), kContentWidth, false);
        } else if (const auto* c = std::get_if<Chart>(&block)) {
            if (!c->caption.isEmpty())
                m->caption = textBlock(c->caption, style::font(style::kSmallSize), kContentWidth, false);
        }
        measured_.push_back(std::move(m));
    }
    // The table of contents lists every heading, so its length is known before the layout.
    int headings = 0;
    for (const Block& block : content_.blocks) headings += std::holds_alternative<Heading>(block) ? 1 : 0;
    const double perPage = std::floor((kContentBottom - kTocTop) / kTocLine);
    tocPages_ = std::max(1, int(std::ceil(headings / perPage)));
}

void ReportDocument::layout()
{
    const int firstContentPage = 1 + tocPages_;
    double y = style::kContentTop;
    QString section;
    auto newPage = [&] {
        pages_.push_back(Page{{}, section});
        y = style::kContentTop;
    };
    newPage();
    auto atTop = [&] { return y <= style::kContentTop + 0.01; };
    auto ensure = [&](double height) {
        if (!atTop() && y + height > kContentBottom) newPage();
    };
    auto place = [&](Item::Kind kind, int block, int row, double height) {
        pages_.back().items.push_back(Item{kind, block, row, QRectF(style::kMarginLeft, y, kContentWidth, height)});
        y += height;
    };

    // Height of the smallest piece of block b that may start a page.
    auto firstChunk = [&](int b) -> double {
        if (b >= int(content_.blocks.size())) return 0;
        const Block& block = content_.blocks[b];
        const Measured& m = *measured_[b];
        if (std::holds_alternative<Heading>(block) || std::holds_alternative<Paragraph>(block))
            return m.text->size().height();
        if (std::holds_alternative<Table>(block))
            return m.rowHeights[0] + (m.rowHeights.size() > 1 ? m.rowHeights[1] : 0);
        if (const auto* c = std::get_if<Chart>(&block)) return c->height + (m.caption ? m.caption->size().height() : 0);
        return 0;
    };
    for (int b = 0; b < int(content_.blocks.size()); ++b) {
        const Block& block = content_.blocks[b];
        const Measured& m = *measured_[b];
        if (const auto* h = std::get_if<Heading>(&block)) {
            const double before = h->level <= 1 ? 16 : 10;
            const double height = m.text->size().height();
            // Keep a heading with the start of what follows it (and a short paragraph with the
            // chart or table it introduces).
            double keep = firstChunk(b + 1);
            if (b + 1 < int(content_.blocks.size()) && std::holds_alternative<Paragraph>(content_.blocks[b + 1]))
                keep += 7 + firstChunk(b + 2);
            keep = std::min(keep, (kContentBottom - style::kContentTop) / 2);
            if (!atTop() && y + before + height + keep > kContentBottom) newPage();
            if (!atTop()) y += before;
            if (h->level <= 1) {
                section = m.number + QStringLiteral("  ") + h->text;
                if (atTop()) pages_.back().section = section;
            }
            toc_.push_back(TocEntry{m.number, h->text, h->level, firstContentPage + int(pages_.size()) - 1});
            place(Item::Kind::Text, b, 0, height);
            y += 6;
        } else if (std::holds_alternative<Paragraph>(block)) {
            const double height = m.text->size().height();
            ensure(height);
            place(Item::Kind::Text, b, 0, height);
            y += 7;
        } else if (std::holds_alternative<Table>(block)) {
            const double header = m.rowHeights[0];
            ensure(header + (m.rowHeights.size() > 1 ? m.rowHeights[1] : 0));
            place(Item::Kind::TableRow, b, 0, header);
            for (int r = 1; r < int(m.rowHeights.size()); ++r) {
                if (y + m.rowHeights[r] > kContentBottom) {
                    newPage();
                    place(Item::Kind::TableRow, b, 0, header);  // the header again on every page
                }
                place(Item::Kind::TableRow, b, r, m.rowHeights[r]);
            }
            if (m.caption) {
                y += 3;
                ensure(m.caption->size().height());
                place(Item::Kind::TableCaption, b, 0, m.caption->size().height());
            }
            y += 10;
        } else if (const auto* c = std::get_if<Chart>(&block)) {
            const double captionHeight = m.caption ? m.caption->size().height() + 3 : 0;
            ensure(c->height + captionHeight);
            place(Item::Kind::Chart, b, 0, c->height);
            if (m.caption) {
                y += 3;
                place(Item::Kind::ChartCaption, b, 0, m.caption->size().height());
            }
            y += 10;
        } else if (std::holds_alternative<PageBreak>(block)) {
            if (!atTop()) newPage();
        }
    }
    if (pages_.size() > 1 && pages_.back().items.empty()) pages_.pop_back();
}

void ReportDocument::beginPage(QPainter& painter, const QRectF& deviceRect)
{
    const double scale = std::min(deviceRect.width() / kPageWidth, deviceRect.height() / kPageHeight);
    painter.translate(deviceRect.topLeft());
    painter.scale(scale, scale);
}

void ReportDocument::paintPage(QPainter& p, int page) const
{
    if (page < 0 || page >= pageCount()) return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRectF(QPointF(0, 0), pageSize()), Qt::white);
    if (page == 0) {
        paintTitlePage(p);
    } else if (page <= tocPages_) {
        paintChrome(p, page);
        paintTocPage(p, page - 1);
    } else {
        paintChrome(p, page);
        for (const Item& item : pages_[page - 1 - tocPages_].items) paintItem(p, item);
    }
    p.restore();
}

void ReportDocument::paintChrome(QPainter& p, int page) const
{
    const double right = kPageWidth - style::kMarginRight;
    p.setPen(style::muted());
    p.setFont(style::font(style::kSmallSize));
    const QFontMetricsF fm(p.font());
    const QString section = page <= tocPages_ ? QObject::tr("Contents") : pages_[page - 1 - tocPages_].section;
    const double half = kContentWidth / 2 - 6;
    p.drawText(QPointF(style::kMarginLeft, style::kHeaderBaseline),
               fm.elidedText(content_.runningTitle, Qt::ElideRight, half));
    const QString sectionText = fm.elidedText(section, Qt::ElideRight, half);
    p.drawText(QPointF(right - fm.horizontalAdvance(sectionText), style::kHeaderBaseline), sectionText);
    p.setPen(QPen(style::rule(), 0.5));
    p.drawLine(QPointF(style::kMarginLeft, style::kHeaderBaseline + 5), QPointF(right, style::kHeaderBaseline + 5));
    const double footer = kPageHeight - style::kFooterBaselineGap;
    p.drawLine(QPointF(style::kMarginLeft, footer - 12), QPointF(right, footer - 12));
    p.setPen(style::muted());
    p.drawText(QPointF(style::kMarginLeft, footer), fm.elidedText(content_.footerLeft, Qt::ElideRight, half));
    const QString number = QObject::tr("Page %1 of %2").arg(page + 1).arg(pageCount());
    p.drawText(QPointF(right - fm.horizontalAdvance(number), footer), number);
}

void ReportDocument::paintTitlePage(QPainter& p) const
{
    const TitlePage& t = content_.title;
    double y = 190;
    p.fillRect(QRectF(style::kMarginLeft, y - 40, 60, 5), style::accent());
    auto title = textBlock(t.title, style::font(30, true), kContentWidth, false);
    drawText(p, *title, QPointF(style::kMarginLeft, y), style::accent());
    y += title->size().height() + 14;
    auto subtitle = textBlock(t.subtitle, style::font(18), kContentWidth, false);
    drawText(p, *subtitle, QPointF(style::kMarginLeft, y));
    y += subtitle->size().height() + 40;
    for (const auto& [label, value] : t.facts) {
        auto l = textBlock(label, style::font(style::kBodySize, true), 120, false);
        auto v = textBlock(value, style::font(style::kBodySize), kContentWidth - 130, false);
        drawText(p, *l, QPointF(style::kMarginLeft, y), style::muted());
        drawText(p, *v, QPointF(style::kMarginLeft + 130, y));
        y += std::max(l->size().height(), v->size().height()) + 8;
    }
    if (!t.note.isEmpty()) {
        auto note = textBlock(t.note, style::font(style::kSmallSize), kContentWidth, false);
        drawText(p, *note, QPointF(style::kMarginLeft, kContentBottom - note->size().height()), style::muted());
    }
}

void ReportDocument::paintTocPage(QPainter& p, int tocPage) const
{
    double y = style::kContentTop;
    if (tocPage == 0) {
        auto heading = textBlock(QObject::tr("Contents"), style::font(style::kHeading1Size, true), kContentWidth, false);
        drawText(p, *heading, QPointF(style::kMarginLeft, y));
    }
    y = kTocTop;
    const int perPage = int(std::floor((kContentBottom - kTocTop) / kTocLine));
    const int first = tocPage * perPage;
    const double right = kPageWidth - style::kMarginRight;
    for (int i = first; i < std::min(int(toc_.size()), first + perPage); ++i) {
        const TocEntry& e = toc_[i];
        const QFont f = style::font(style::kBodySize, e.level <= 1);
        p.setFont(f);
        p.setPen(style::ink());
        const QFontMetricsF fm(f);
        const double indent = e.level <= 1 ? 0 : 24;
        const QString pageText = QString::number(e.page + 1);
        const double textRight = right - fm.horizontalAdvance(pageText) - 12;
        const double x = style::kMarginLeft + indent;
        const QString label = fm.elidedText(e.number + QStringLiteral("  ") + e.text, Qt::ElideRight, textRight - x);
        p.drawText(QPointF(x, y + fm.ascent()), label);
        p.drawText(QPointF(right - fm.horizontalAdvance(pageText), y + fm.ascent()), pageText);
        // Dot leader between the title and its page number.
        p.setPen(QPen(style::rule(), 0.6, Qt::DotLine));
        const double leaderStart = x + fm.horizontalAdvance(label) + 6;
        if (leaderStart < textRight)
            p.drawLine(QPointF(leaderStart, y + fm.ascent()), QPointF(textRight + 6, y + fm.ascent()));
        y += kTocLine;
    }
}

void ReportDocument::paintItem(QPainter& p, const Item& item) const
{
    const Measured& m = *measured_[item.block];
    switch (item.kind) {
    case Item::Kind::Text: {
        const auto* h = std::get_if<Heading>(&content_.blocks[item.block]);
        drawText(p, *m.text, item.rect.topLeft(), h ? style::accent() : style::ink());
        break;
    }
    case Item::Kind::TableRow: paintTableRow(p, item); break;
    case Item::Kind::TableCaption:
    case Item::Kind::ChartCaption: drawText(p, *m.caption, item.rect.topLeft(), style::muted()); break;
    case Item::Kind::Chart: paintChart(p, item); break;
    }
}

void ReportDocument::paintTableRow(QPainter& p, const Item& item) const
{
    const Measured& m = *measured_[item.block];
    const bool header = item.row == 0;
    if (header)
        p.fillRect(item.rect, style::headerFill());
    else if (item.row % 2 == 0)
        p.fillRect(item.rect, style::zebraFill());
    for (size_t c = 0; c < m.columnX.size(); ++c) {
        const QPointF at(item.rect.left() + m.columnX[c] + style::kCellPad, item.rect.top() + style::kCellPad);
        drawText(p, *m.cells[item.row][c], at);
    }
    p.setPen(QPen(header ? style::muted() : style::rule(), header ? 0.8 : 0.4));
    p.drawLine(item.rect.bottomLeft(), item.rect.bottomRight());
}

void ReportDocument::paintChart(QPainter& p, const Item& item) const
{
    const auto& chart = std::get<Chart>(content_.blocks[item.block]);
    paintChartInto(p, chart.make, item.rect);
}

}  // namespace headroom::report
