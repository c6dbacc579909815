#include "planned_page.h"

#include <QLabel>
#include <QVBoxLayout>

namespace headroom {

PlannedPage::PlannedPage(AppContext* context, QString title, const QString& description, QWidget* parent)
    : Page(context, parent), title_(std::move(title))
{
    auto* label = new QLabel(tr("<h2>%1</h2><p>%2</p><p><i>Not built yet in this version.</i></p>")
                                 .arg(title_.toHtmlEscaped(), description.toHtmlEscaped()));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addStretch();
}

}  // namespace headroom
