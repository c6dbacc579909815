#pragma once
#include <QImage>
#include <QWidget>
#include <memory>
#include <vector>

namespace headroom::report {

class ReportDocument;

// The report's pages one under the other, each painted by ReportDocument::paintPage (the
// function the PDF writer calls) into an image of the widget's width. Pages are painted when
// they first come into view and kept until the width changes.
class ReportPreview : public QWidget {
    Q_OBJECT
public:
    explicit ReportPreview(QWidget* parent = nullptr);
    ~ReportPreview() override;
    void setDocument(std::shared_ptr<const ReportDocument> doc);
    const ReportDocument* document() const { return doc_.get(); }
    // The image of a page at the current width (painted now if not yet cached).
    QImage pageImage(int page);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRect pageRect(int page) const;
    int pageWidth() const;
    std::shared_ptr<const ReportDocument> doc_;
    std::vector<QImage> cache_;
};

}  // namespace headroom::report
