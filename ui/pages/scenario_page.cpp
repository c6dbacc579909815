#include "pages/scenario_page.h"

#include "app_context.h"
#include "charts/chart_builder.h"
#include "charts/traffic_profile_chart.h"
#include "core/errors.h"
#include "core/paths.h"
#include "scenario/field_binder.h"
#include "scenario/profile_table_model.h"
#include "scenario/scenario_document.h"
#include "scenario/scenario_form.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_writer.h"

#include <QAction>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace headroom {

namespace {

QString examplesDirectory()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("scenarios"));
}

// What "New" starts from when there is no example to copy: the smallest document the parser
// accepts, one node of the catalog's first type under steady Poisson traffic.
QJsonObject blankDocument(const QString& instanceType)
{
    return {{QStringLiteral("schema"), QString::fromLatin1(kScenarioSchema)},
            {QStringLiteral("name"), QObject::tr("New scenario")},
            {QStringLiteral("duration_s"), 3600},
            {QStringLiteral("traffic"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("poisson")},
                                                    {QStringLiteral("rate_rps"), 10}}},
            {QStringLiteral("service"), QJsonObject{{QStringLiteral("cpu_ms"), 10}}},
            {QStringLiteral("cluster"), QJsonObject{{QStringLiteral("instance_type"), instanceType},
                                                    {QStringLiteral("nodes"), 1}}}};
}

}  // namespace

ScenarioPage::ScenarioPage(AppContext* context, QWidget* parent)
    : Page(context, parent), doc_(new ScenarioDocument(this))
{
    auto* layout = new QVBoxLayout(this);
    buildToolBar(layout);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    form_ = new ScenarioForm(doc_);
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setWidget(form_);
    splitter->addWidget(scroll);
    splitter->addWidget(buildProfilePanel());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(doc_, &ScenarioDocument::changed, this, &ScenarioPage::documentChanged);
    connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, &ScenarioPage::documentChanged);
    connect(context, &AppContext::catalogChanged, this, &ScenarioPage::refreshCatalogKeys);
    connect(context, &AppContext::scenarioChanged, this, &ScenarioPage::otherPageChoseScenario);
    refreshCatalogKeys();

    if (!context->scenarioPath().isEmpty() && loadFile(context->scenarioPath())) return;
    const auto& types = context->catalog().instanceTypes();
    doc_->reset(blankDocument(types.isEmpty() ? QStringLiteral("aws/c6i.large") : types.front().key()), QString());
}

ScenarioPage::~ScenarioPage()
{
    // The undo stack announces "clean" again while it is torn down, after this page's part of
    // the object is gone; nothing here may hear it.
    doc_->undoStack()->disconnect(this);
    doc_->disconnect(this);
}

void ScenarioPage::buildToolBar(QVBoxLayout* layout)
{
    auto* bar = new QToolBar(this);
    auto* newButton = new QToolButton(bar);
    newButton->setText(tr("New from example"));
    newButton->setPopupMode(QToolButton::InstantPopup);
    auto* examples = new QMenu(newButton);
    // Listed when the menu opens, so examples added to the folder show up without a restart.
    connect(examples, &QMenu::aboutToShow, this, [this, examples] {
        examples->clear();
        const QDir dir(examplesDirectory());
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString path = dir.filePath(name);
            examples->addAction(name, this, [this, path] {
                if (confirmDiscard()) newFromExample(path);
            });
        }
        if (examples->isEmpty()) examples->addAction(tr("No examples in %1").arg(dir.path()))->setEnabled(false);
    });
    newButton->setMenu(examples);
    bar->addWidget(newButton);

    QAction* open = bar->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open…"), this,
                                   &ScenarioPage::openDialog);
    open->setToolTip(tr("Open a scenario JSON file"));
    QAction* save = bar->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("Save"), this,
                                   &ScenarioPage::save);
    save->setShortcut(QKeySequence::Save);
    save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(save);
    bar->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save as…"), this,
                   &ScenarioPage::saveAsDialog);
    bar->addSeparator();

    // Page-wide shortcuts, so they reach the document from any field of the form.
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("Undo"));
    undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("Redo"));
    redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);
    bar->addAction(undo);
    bar->addAction(redo);
    layout->addWidget(bar);
}

QWidget* ScenarioPage::buildProfilePanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Traffic profile</b> (kind \"profile\": seconds, requests/s, linear between)"),
                                 panel));
    profileModel_ = new ProfileTableModel(doc_, this);
    profileView_ = new QTableView(panel);
    profileView_->setModel(profileModel_);
    profileView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(profileView_, 1);
    QLabel* error = form_->binder()->addCustom(ProfileTableModel::kPath, profileView_, [] {});
    layout->addWidget(error);

    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add point"), panel);
    auto* remove = new QPushButton(tr("Remove point"), panel);
    connect(add, &QPushButton::clicked, this,
            [this] { profileModel_->addPointAfter(profileView_->currentIndex().isValid() ? profileView_->currentIndex().row() : -1); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (profileView_->currentIndex().isValid()) profileModel_->removePoint(profileView_->currentIndex().row());
    });
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    chart_ = charts::makeChart(tr("Arrival rate"));
    QChartView* view = charts::makeView(chart_, panel);
    view->setMinimumHeight(220);
    layout->addWidget(view, 2);
    return panel;
}

bool ScenarioPage::loadFile(const QString& path)
{
    if (!readInto(path)) return false;
    if (doc_->isValid()) context()->setScenarioPath(path);
    return true;
}

bool ScenarioPage::readInto(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("%1: cannot read: %2").arg(path, file.errorString()), true);
        return false;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject()) {
        // The parser words the complaint with line and column; the form can only hold an object.
        QString why = tr("%1: expected a JSON object").arg(path);
        try {
            parseScenario(bytes, path);
        } catch (const InputError& e) {
            why = e.text();
        }
        showMessage(why, true);
        return false;
    }
    path_ = path;
    doc_->reset(json.object(), path);
    return true;
}

bool ScenarioPage::newFromExample(const QString& path)
{
    if (!readInto(path)) return false;
    // A copy: saving must not overwrite the shipped example.
    path_.clear();
    doc_->setFileName(QString());
    doc_->undoStack()->resetClean();
    return true;
}

bool ScenarioPage::saveTo(const QString& path, bool evenIfInvalid)
{
    if (!doc_->isValid() && !evenIfInvalid) {
        showMessage(tr("Not saved: %1").arg(doc_->errorText()), true);
        return false;
    }
    try {
        if (doc_->isValid()) {
            saveScenarioFile(*doc_->scenario(), path);
        } else {
            // The writer needs a parsed scenario; an invalid one is kept as typed, still atomically.
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly) ||
                out.write(QJsonDocument(doc_->json()).toJson(QJsonDocument::Indented)) < 0 || !out.commit())
                throw RuntimeFailure(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
        }
    } catch (const std::exception& e) {
        showMessage(QString::fromUtf8(e.what()), true);
        return false;
    }
    path_ = path;
    const bool valid = doc_->isValid();
    doc_->setFileName(path);
    doc_->undoStack()->setClean();
    if (valid) context()->setScenarioPath(path);
    return true;
}

QString ScenarioPage::messageText() const
{
    return message_->text();
}

void ScenarioPage::showMessage(const QString& text, bool error)
{
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void ScenarioPage::documentChanged()
{
    charts::showTrafficProfile(chart_, doc_->value(QStringLiteral("traffic")),
                               doc_->value(QStringLiteral("duration_s")).toDouble(3600));
    const QString name = path_.isEmpty() ? tr("untitled") : QFileInfo(path_).fileName();
    const QString modified = doc_->undoStack()->isClean() ? QString() : tr(" (modified)");
    if (!doc_->isValid()) {
        const QString field = form_->binder()->fieldForError(doc_->errorPath());
        message_->setText(field.isEmpty() ? doc_->errorText()
                                          : tr("%1 — see the field %2").arg(doc_->errorText(), field));
        message_->setStyleSheet(QStringLiteral("color: #c62828;"));
        return;
    }
    message_->setText(tr("%1%2: valid scenario").arg(name, modified));
    message_->setStyleSheet(QString());
}

void ScenarioPage::refreshCatalogKeys()
{
    QStringList keys;
    for (const InstanceType& t : context()->catalog().instanceTypes()) keys << t.key();
    keys.sort(Qt::CaseInsensitive);
    form_->setInstanceTypeKeys(keys);
}

bool ScenarioPage::confirmDiscard()
{
    if (doc_->undoStack()->isClean()) return true;
    return QMessageBox::question(this, tr("Unsaved changes"), tr("Discard the changes to this scenario?"),
                                 QMessageBox::Discard | QMessageBox::Cancel) == QMessageBox::Discard;
}

void ScenarioPage::openDialog()
{
    if (!confirmDiscard()) return;
    const QString start = path_.isEmpty() ? examplesDirectory() : QFileInfo(path_).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), start, tr("Scenario (*.json)"));
    if (!path.isEmpty()) loadFile(path);
}

void ScenarioPage::save()
{
    if (path_.isEmpty()) saveAsDialog();
    else saveAfterWarning(path_);
}

void ScenarioPage::saveAsDialog()
{
    const QString start = path_.isEmpty() ? QDir::homePath() : path_;
    QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), start, tr("Scenario (*.json)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
    saveAfterWarning(path);
}

bool ScenarioPage::saveAfterWarning(const QString& path)
{
    if (!doc_->isValid()) {
        const auto answer = QMessageBox::warning(
            this, tr("Invalid scenario"),
            tr("%1\n\nSave it anyway? The other pages keep using the last valid scenario.").arg(doc_->errorText()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save) return false;
        return saveTo(path, true);
    }
    return saveTo(path);
}

void ScenarioPage::otherPageChoseScenario(const QString& path)
{
    // Our own load/save announces the path we already show; unsaved edits are never replaced.
    if (path.isEmpty() || path == path_ || !doc_->undoStack()->isClean()) return;
    loadFile(path);
}

}  // namespace headroom
