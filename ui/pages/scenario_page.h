#pragma once
#include "pages/page.h"

class QChart;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace headroom {

class ProfileTableModel;
class ScenarioDocument;
class ScenarioForm;

// The scenario editor: a form over every section of the document, the traffic profile as an
// editable table with its chart, load/save JSON, undo/redo. Every edit is re-parsed by the real
// parser; its error is shown next to the field and in the message line. Saving or loading a
// valid document makes it the scenario the Simulate, Recommend and Report pages use.
class ScenarioPage : public Page {
    Q_OBJECT
public:
    explicit ScenarioPage(AppContext* context, QWidget* parent = nullptr);
    ~ScenarioPage() override;

    QString title() const override { return tr("Scenario"); }
    QString iconName() const override { return QStringLiteral("document-edit"); }

    // Opens a scenario file; false (and the reason in the message line) when it is not a JSON
    // object. A document the parser rejects is still opened, with its error shown.
    bool loadFile(const QString& path);
    // Starts an unsaved document from an example file.
    bool newFromExample(const QString& path);
    // Writes the document to `path` through the scenario writer (temporary file, then rename).
    // An invalid document is written as it stands only when `evenIfInvalid`; otherwise false.
    bool saveTo(const QString& path, bool evenIfInvalid = false);

    QString currentPath() const { return path_; }
    QString messageText() const;
    ScenarioDocument* document() const { return doc_; }
    ScenarioForm* form() const { return form_; }
    ProfileTableModel* profileModel() const { return profileModel_; }
    QTableView* profileView() const { return profileView_; }
    QChart* trafficChart() const { return chart_; }

private:
    QWidget* buildProfilePanel();
    void buildToolBar(QVBoxLayout* layout);
    void documentChanged();
    void showMessage(const QString& text, bool error);
    void refreshCatalogKeys();
    bool confirmDiscard();
    void openDialog();
    void save();
    void saveAsDialog();
    bool saveAfterWarning(const QString& path);
    void otherPageChoseScenario(const QString& path);
    bool readInto(const QString& path);

    ScenarioDocument* doc_;
    ScenarioForm* form_ = nullptr;
    ProfileTableModel* profileModel_ = nullptr;
    QTableView* profileView_ = nullptr;
    QChart* chart_ = nullptr;
    QLabel* message_ = nullptr;
    QString path_;
};

}  // namespace headroom
