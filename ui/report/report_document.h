#pragma once
#include "report_blocks.h"

#include <QRectF>
#include <QSizeF>
#include <memory>

class QPainter;
class QTextDocument;

namespace headroom::report {

// Lays the report's blocks out on A4 pages once, then paints any page on demand. The preview
// and the PDF both call paintPage(), so what is previewed is what is written.
//
// Coordinates are points (1/72 inch) on an A4 page; paintPage() expects a painter already
// scaled so that one unit is one point (see beginPage()).
class ReportDocument {
public:
    explicit ReportDocument(Content content);
    ~ReportDocument();
    ReportDocument(const ReportDocument&) = delete;
    ReportDocument& operator=(const ReportDocument&) = delete;

    static constexpr double kPageWidth = 595.28;
    static constexpr double kPageHeight = 841.89;
    static QSizeF pageSize() { return {kPageWidth, kPageHeight}; }

    int pageCount() const;
    void paintPage(QPainter& painter, int page) const;
    // Scales the painter so that the page fills `deviceRect` (kept in proportion).
    static void beginPage(QPainter& painter, const QRectF& deviceRect);

    struct TocEntry {
        QString number;   // "3.2"
        QString text;
        int level = 1;
        int page = 0;     // zero-based page index
    };
    const std::vector<TocEntry>& tableOfContents() const { return toc_; }
    const Content& content() const { return content_; }

private:
    struct Item;
    struct Page;
    struct Measured;
    void measure();
    void layout();
    void paintTitlePage(QPainter& p) const;
    void paintTocPage(QPainter& p, int tocPage) const;
    void paintChrome(QPainter& p, int page) const;
    void paintItem(QPainter& p, const Item& item) const;
    void paintTableRow(QPainter& p, const Item& item) const;
    void paintChart(QPainter& p, const Item& item) const;

    Content content_;
    std::vector<std::unique_ptr<Measured>> measured_;  // per block
    std::vector<Page> pages_;                          // content pages only
    std::vector<TocEntry> toc_;
    int tocPages_ = 1;
};

}  // namespace headroom::report
