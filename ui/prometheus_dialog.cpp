#include "prometheus_dialog.h"

#include "core/errors.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace headroom {

PrometheusDialog::PrometheusDialog(QWidget* parent)
    : QDialog(parent), url_(new QLineEdit), promql_(new QLineEdit), start_(new QDateTimeEdit), end_(new QDateTimeEdit),
      step_(new QDoubleSpinBox), aggregate_(new QComboBox), user_(new QLineEdit), password_(new QLineEdit), token_(new QLineEdit),
      status_(new QLabel), test_(new QPushButton(tr("Test")))
{
    setWindowTitle(tr("Import from Prometheus"));
    QSettings settings;
    url_->setText(settings.value(QStringLiteral("prometheus/url"), QStringLiteral("http://127.0.0.1:9090")).toString());
    promql_->setText(settings.value(QStringLiteral("prometheus/query"),
                                    QStringLiteral("sum by (instance, mode) (rate(node_cpu_seconds_total[1m]))")).toString());
    const QDateTime now = QDateTime::currentDateTime();
    start_->setDateTime(now.addSecs(-3600));
    end_->setDateTime(now);
    start_->setCalendarPopup(true);
    end_->setCalendarPopup(true);
    step_->setRange(1, 86400);
    step_->setValue(settings.value(QStringLiteral("prometheus/step"), 15).toDouble());
    step_->setSuffix(tr(" s"));
    // Values of PrometheusQuery::aggregate; the server summarises each step, so a coarse step
    // over a long history still sees the peaks (max) or the load (avg) between its points.
    aggregate_->addItem(tr("One sample per step (as queried)"), QString());
    aggregate_->addItem(tr("Average over each step"), QStringLiteral("avg"));
    aggregate_->addItem(tr("Maximum over each step"), QStringLiteral("max"));
    aggregate_->addItem(tr("Minimum over each step"), QStringLiteral("min"));
    aggregate_->setCurrentIndex(std::max(0, aggregate_->findData(settings.value(QStringLiteral("prometheus/aggregate")).toString())));
    password_->setEchoMode(QLineEdit::Password);
    token_->setEchoMode(QLineEdit::Password);
    status_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Server URL"), url_);
    form->addRow(tr("PromQL"), promql_);
    form->addRow(tr("From"), start_);
    form->addRow(tr("To"), end_);
    form->addRow(tr("Step"), step_);
    form->addRow(tr("Each point"), aggregate_);
    form->addRow(tr("User (optional)"), user_);
    form->addRow(tr("Password"), password_);
    form->addRow(tr("Bearer token"), token_);
    auto* note = new QLabel(tr("Credentials are used for this request only; the workspace records the URL without them."));
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    buttons->addButton(test_, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings s;
        s.setValue(QStringLiteral("prometheus/url"), url_->text());
        s.setValue(QStringLiteral("prometheus/query"), promql_->text());
        s.setValue(QStringLiteral("prometheus/step"), step_->value());
        s.setValue(QStringLiteral("prometheus/aggregate"), aggregate_->currentData().toString());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(test_, &QPushButton::clicked, this, &PrometheusDialog::testConnection);
}

PrometheusQuery PrometheusDialog::query() const
{
    PrometheusQuery q;
    q.server = QUrl(url_->text().trimmed());
    q.promql = promql_->text().trimmed();
    q.start = start_->dateTime();
    q.end = end_->dateTime();
    q.stepS = step_->value();
    q.aggregate = aggregate_->currentData().toString();
    q.username = user_->text();
    q.password = password_->text();
    q.bearerToken = token_->text();
    return q;
}

void PrometheusDialog::testConnection()
{
    // An instant query of `up` answers quickly and proves URL, network and credentials.
    PrometheusQuery probe = query();
    probe.promql = QStringLiteral("up");
    probe.start = QDateTime();
    probe.end = QDateTime();
    probe.timeoutMs = 5000;
    probe.maxBytes = 4 * 1024 * 1024;
    test_->setEnabled(false);
    status_->setText(tr("Testing…"));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        status_->setText(watcher->result());
        test_->setEnabled(true);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([probe] {
        try {
            const QByteArray body = fetchPrometheus(probe);
            return tr("Connected: the server answered %1 bytes for the query 'up'.").arg(body.size());
        } catch (const InputError& e) {
            return tr("Failed: %1").arg(e.text());
        } catch (const std::exception& e) {
            return tr("Failed: %1").arg(QString::fromUtf8(e.what()));
        }
    }));
}

}  // namespace headroom
