#include "report_preview.h"

#include "report_document.h"

#include <QPaintEvent>
#include <QPainter>

namespace headroom::report {

namespace {
constexpr int kGap = 16;
}

ReportPreview::ReportPreview(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

ReportPreview::~ReportPreview() = default;

void ReportPreview::setDocument(std::shared_ptr<const ReportDocument> doc)
{
    doc_ = std::move(doc);
    cache_.assign(doc_ ? size_t(doc_->pageCount()) : 0, QImage());
    const int pages = doc_ ? doc_->pageCount() : 0;
    setMinimumHeight(pages > 0 ? pageRect(pages - 1).bottom() + kGap : 0);
    updateGeometry();
    update();
}

int ReportPreview::pageWidth() const { return std::max(200, width() - 2 * kGap); }

QRect ReportPreview::pageRect(int page) const
{
    const int w = pageWidth();
    const int h = int(w * ReportDocument::kPageHeight / ReportDocument::kPageWidth);
    return QRect(kGap, kGap + page * (h + kGap), w, h);
}

QSize ReportPreview::sizeHint() const { return QSize(640, 900); }

QImage ReportPreview::pageImage(int page)
{
    if (!doc_ || page < 0 || page >= int(cache_.size())) return {};
    const QSize size = pageRect(page).size();
    QImage& img = cache_[size_t(page)];
    if (img.size() != size * devicePixelRatioF()) {
        img = QImage(size * devicePixelRatioF(), QImage::Format_RGB32);
        img.setDevicePixelRatio(devicePixelRatioF());
        img.fill(Qt::white);
        QPainter p(&img);
        ReportDocument::beginPage(p, QRectF(QPointF(0, 0), QSizeF(size)));
        doc_->paintPage(p, page);
    }
    return img;
}

void ReportPreview::paintEvent(QPaintEvent* event)
{
    QPainter p(this);
    p.fillRect(event->rect(), palette().color(QPalette::Dark));
    if (!doc_) return;
    for (int page = 0; page < doc_->pageCount(); ++page) {
        const QRect r = pageRect(page);
        if (!r.intersects(event->rect())) continue;
        p.fillRect(r.translated(3, 3), QColor(0, 0, 0, 60));  // a soft edge so pages read as paper
        p.drawImage(r.topLeft(), pageImage(page));
    }
}

void ReportPreview::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    for (QImage& img : cache_) img = QImage();  // repaint at the new width when shown
    if (doc_) setMinimumHeight(pageRect(doc_->pageCount() - 1).bottom() + kGap);
}

}  // namespace headroom::report
