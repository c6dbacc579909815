#include "summary_card.h"

#include <QLabel>
#include <QVBoxLayout>

namespace headroom {

SummaryCard::SummaryCard(const QString& caption, QWidget* parent)
    : QFrame(parent), caption_(new QLabel(caption, this)), value_(new QLabel(this)), detail_(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    QFont big = value_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value_->setFont(big);
    value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail_->setWordWrap(true);
    // Detail text follows the palette's placeholder colour so it reads as secondary in dark mode too.
    QPalette muted = detail_->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    detail_->setPalette(muted);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(caption_);
    layout->addWidget(value_);
    layout->addWidget(detail_);
    layout->addStretch();
    clear();
}

void SummaryCard::setFigure(const QString& value, const QString& detail, Tone tone)
{
    value_->setText(value);
    detail_->setText(detail);
    QPalette p = palette();
    if (tone == Tone::Good) p.setColor(QPalette::WindowText, QColor(0x2e, 0x7d, 0x32));
    if (tone == Tone::Bad) p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    value_->setPalette(p);
}

void SummaryCard::clear()
{
    setFigure(QStringLiteral("–"));
}

QString SummaryCard::caption() const { return caption_->text(); }
QString SummaryCard::value() const { return value_->text(); }
QString SummaryCard::detail() const { return detail_->text(); }

}  // namespace headroom
