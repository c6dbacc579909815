#pragma once
#include "page.h"

namespace headroom {

// A navigation entry whose feature is not built yet: it says what the page will hold and shows
// no data, so nothing on screen pretends to be computed.
class PlannedPage : public Page {
    Q_OBJECT
public:
    PlannedPage(AppContext* context, QString title, const QString& description, QWidget* parent = nullptr);
    QString title() const override { return title_; }

private:
    QString title_;
};

}  // namespace headroom
