#pragma once
#include <QWidget>

namespace headroom {

class AppContext;

// One entry of the navigation list. A page gets the shared AppContext at construction and
// listens to its signals (workspaceChanged, datasetsChanged, catalogChanged, scenarioChanged);
// it computes nothing itself: models in model/ do, off the GUI thread through ctx->jobs().
class Page : public QWidget {
    Q_OBJECT
public:
    Page(AppContext* context, QWidget* parent = nullptr) : QWidget(parent), context_(context) {}
    virtual QString title() const = 0;
    virtual QString iconName() const { return {}; }  // freedesktop icon theme name
    // Called when the page becomes visible, so it can refresh lazily.
    virtual void activated() {}

protected:
    AppContext* context() const { return context_; }

private:
    AppContext* context_;
};

}  // namespace headroom
