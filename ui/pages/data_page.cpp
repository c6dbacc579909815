#include "data_page.h"

#include "analysis/analysis_inputs.h"
#include "store/dataset_licences.h"
#include "analysis/data_quality.h"
#include "app_context.h"
#include "charts/chart_builder.h"
#include "charts/downsample.h"
#include "models/dataset_table_model.h"
#include "models/measurement_table_model.h"
#include "store/series_queries.h"
#include "store/workspace.h"
#include "job_runner.h"

#include <QComboBox>
#include <QLabel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace headroom {

namespace {

// What the page loads off the GUI thread for one dataset.
struct LoadedDataset {
    std::vector<Series> series;
    quality::Report quality;
};

QString qualityHtml(const quality::Report& report)
{
    if (report.findings.empty()) return QObject::tr("<p><b>Data quality:</b> no gaps, resets, duplicate or out-of-order timestamps found.</p>");
    QString html = QObject::tr("<p><b>Data quality</b></p><table cellspacing=3>");
    int shown = 0;
    for (const quality::Finding& f : report.findings) {
        if (++shown > 20) break;
        const char* colour = f.severity == quality::Severity::Error ? "#c62828" : f.severity == quality::Severity::Warning ? "#ef6c00" : "#607d8b";
        html += QStringLiteral("<tr><td style='color:%1'>%2</td><td>%3</td></tr>")
                    .arg(QLatin1String(colour), quality::severityName(f.severity), f.message.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (report.findings.size() > 20) html += QObject::tr("<p>… and %1 more (headroom analyze quality).</p>").arg(report.findings.size() - 20);
    return html;
}

}  // namespace

DataPage::DataPage(AppContext* context, QWidget* parent)
    : Page(context, parent), model_(new DatasetTableModel(this)), proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView), details_(new QTextBrowser), measurements_(new MeasurementTableModel(this)), seriesPicker_(new QComboBox),
      chart_(charts::makeChart(QString()))
{
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(Qt::UserRole);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(DatasetTableModel::Id, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setAlternatingRowColors(true);

    auto* importButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-import")), tr("Import files…"));
    auto* deleteButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("Delete dataset"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(importButton);
    buttons->addWidget(deleteButton);
    buttons->addStretch();

    auto* chartView = charts::makeView(chart_);
    auto* chartBox = new QWidget;
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(seriesPicker_);
    chartLayout->addWidget(chartView, 1);

    auto* measurementView = new QTableView;
    auto* measurementProxy = new QSortFilterProxyModel(this);
    measurementProxy->setSourceModel(measurements_);
    measurementProxy->setSortRole(Qt::UserRole);
    measurementView->setModel(measurementProxy);
    measurementView->setSortingEnabled(true);
    measurementView->verticalHeader()->hide();
    measurementView->horizontalHeader()->setStretchLastSection(true);
    auto* tabs = new QTabWidget;
    tabs->addTab(details_, tr("Summary"));
    tabs->addTab(measurementView, tr("Measurements"));
    tabs->addTab(chartBox, tr("Series"));
    auto* bottom = tabs;
    auto* split = new QSplitter(Qt::Vertical);
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    topLayout->addWidget(table_);
    licences_ = new QLabel;
    licences_->setWordWrap(true);
    licences_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    topLayout->addWidget(licences_);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(importButton, &QPushButton::clicked, this, &DataPage::importRequested);
    connect(deleteButton, &QPushButton::clicked, this, &DataPage::deleteSelected);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DataPage::showSelected);
    connect(seriesPicker_, &QComboBox::currentIndexChanged, this, &DataPage::plotSeries);
    connect(context, &AppContext::datasetsChanged, this, &DataPage::reload);
    charts::showMessage(chart_, tr("Select a dataset with time series to plot it"));
}

void DataPage::reload()
{
    Workspace* ws = context()->workspace();
    model_->setDatasets(ws ? listDatasets(*ws) : QVector<DatasetSummary>{});
    QStringList credits;
    if (ws)
        for (const DataLicence& l : dataLicences(*ws))
            credits << tr("<b>%1</b> (%2 of the datasets above), %3: %4%5")
                           .arg(l.dataset.toHtmlEscaped())
                           .arg(l.datasetIds.size())
                           .arg(l.licence.toHtmlEscaped(), l.attribution.toHtmlEscaped(),
                                l.sourceUrl.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(l.sourceUrl.toHtmlEscaped()));
    licences_->setText(credits.join(QStringLiteral("<br>")));
    licences_->setVisible(!credits.isEmpty());
    table_->resizeColumnsToContents();
    if (model_->rowCount() > 0) table_->selectRow(0);
    else details_->setHtml(tr("<p>No datasets yet. Import benchmark results, load tests, monitoring exports or "
                              "Kubernetes events with <b>File → Import</b> or drop files on the window.</p>"));
}

void DataPage::showSelected()
{
    const QModelIndex current = proxy_->mapToSource(table_->currentIndex());
    const DatasetSummary* d = model_->datasetAt(current.row());
    seriesPicker_->clear();
    loadedSeries_.clear();
    // The series of the dataset selected before are of no use any more, even if no load follows.
    context()->jobs()->discard(this, QStringLiteral("series"));
    measurements_->setMeasurements({});
    if (!d) return;
    if (Workspace* ws = context()->workspace()) measurements_->setMeasurements(listMeasurements(*ws, d->id));
    QString html = QStringLiteral("<h3>%1</h3><p>%2 · %3<br><small>%4<br>sha256 %5…</small></p>")
                       .arg(d->name.toHtmlEscaped(), d->format.toHtmlEscaped(), d->toolVersion.toHtmlEscaped(),
                            d->source.toHtmlEscaped(), d->sha256.left(12));
    if (!d->metrics.isEmpty()) {
        html += tr("<table cellspacing=4><tr><th align=left>Headline metric</th><th align=right>Value</th></tr>");
        for (auto it = d->metrics.begin(); it != d->metrics.end(); ++it)
            html += QStringLiteral("<tr><td>%1</td><td align=right>%2</td></tr>")
                        .arg(it.key().toHtmlEscaped(), QLocale().toString(it.value().toDouble(), 'g', 8));
        html += QStringLiteral("</table>");
    }
    html += tr("<p>%1 measurements · %2 series (%3 samples) · %4 lead-time events</p>")
                .arg(d->measurements).arg(d->series).arg(d->samples).arg(d->leadTimeEvents);
    if (!d->warnings.isEmpty()) {
        html += tr("<p><b>Warnings</b></p><ul>");
        for (const QJsonValue& w : d->warnings) {
            const QJsonObject o = w.toObject();
            const QString where = o.contains(QStringLiteral("line")) ? tr("line %1: ").arg(o.value(QStringLiteral("line")).toInt())
                                                                     : o.value(QStringLiteral("json_path")).toString();
            html += QStringLiteral("<li>%1 %2</li>").arg(where.toHtmlEscaped(), o.value(QStringLiteral("message")).toString().toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    details_->setHtml(html);

    if (d->series == 0) {
        charts::showMessage(chart_, tr("This dataset holds no time series"));
        return;
    }
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    const qint64 id = d->id;
    charts::showMessage(chart_, tr("Loading…"));
    // One key for every selection: clicking through datasets shows the last one clicked.
    context()->jobs()->run(
        this, QStringLiteral("series"), tr("Loading series"),
        [ws, id](JobControl&) {
            Selection filter;
            filter.datasetId = id;
            auto loaded = std::make_shared<LoadedDataset>();
            loaded->series = seriesByTime(*ws, filter);
            Selection qualityFilter;
            qualityFilter.datasetId = id;
            loaded->quality = quality::check(seriesAsRecorded(*ws, qualityFilter));
            return loaded;
        },
        [this, html](std::shared_ptr<LoadedDataset> loaded) {
            loadedSeries_ = loaded->series;
            details_->setHtml(html + qualityHtml(loaded->quality));
            QSignalBlocker block(seriesPicker_);
            for (const Series& s : loadedSeries_) {
                QString label = s.metric;
                if (!s.node.isEmpty()) label += QStringLiteral(" · ") + s.node;
                for (auto it = s.labels.begin(); it != s.labels.end(); ++it)
                    label += QStringLiteral(" · %1=%2").arg(it.key(), it.value().toVariant().toString());
                seriesPicker_->addItem(label);
            }
            plotSeries(0);
        });
}

void DataPage::plotSeries(int index)
{
    if (index < 0 || size_t(index) >= loadedSeries_.size()) return;
    const Series& s = loadedSeries_[size_t(index)];
    const bool relative = s.labels.value(QStringLiteral("relative_time")).toBool() || (!s.t.empty() && s.t.front() < 1e8);
    charts::setLines(chart_, {{s.metric, downsampleMinMax(s.t, s.v), {}, false}}, !relative,
                     s.unit.isEmpty() ? s.metric : QStringLiteral("%1 (%2)").arg(s.metric, s.unit),
                     relative ? tr("seconds") : QString());
    chart_->setTitle(tr("%1 (%2 samples)").arg(s.metric).arg(s.v.size()));
}

void DataPage::deleteSelected()
{
    const DatasetSummary* d = model_->datasetAt(proxy_->mapToSource(table_->currentIndex()).row());
    Workspace* ws = context()->workspace();
    if (!d || !ws) return;
    if (QMessageBox::question(this, tr("Delete dataset"), tr("Delete dataset %1 (%2) and everything it holds?").arg(d->id).arg(d->name)) !=
        QMessageBox::Yes)
        return;
    deleteDataset(*ws, d->id);
    context()->notifyDatasetsChanged();
}

}  // namespace headroom
