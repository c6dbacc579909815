#include "boot_timing_csv_importer.h"

#include "core/csv.h"
#include "core/errors.h"
#include "fast_parse.h"
#include "text_input.h"
#include "tool_text.h"

namespace headroom {

QString providerKeyOfVendor(const QString& vendor)
{
    const QString v = vendor.toLower();
    if (v == QLatin1String("hcloud")) return QStringLiteral("hetzner");
    if (v == QLatin1String("gcp") || v == QLatin1String("google")) return QStringLiteral("gcp");
    return v;
}

int BootTimingCsvImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    const QByteArray first = h.left(h.indexOf('\n'));
    return first.contains("api_start") && first.contains("machine_start") && first.contains("user_data_start") ? 95 : 0;
}

ImportResult BootTimingCsvImporter::parse(QIODevice& in, const ImportContext& context) const
{
    // Written by a program, so it ends with a line feed; a last line without one was cut.
    QVector<ImportWarning> cut;
    const QByteArray text = tooltext::withoutCutLastLine(readTextInput(in, context, QStringLiteral("a boot timing CSV")), cut, true);
    const std::vector<csv::Record> rows = csv::parse(text, context.fileName);
    if (rows.size() < 2 && !cut.isEmpty()) throw InputError(context.fileName, cut.front().message);
    if (rows.empty()) throw InputError(context.fileName, QStringLiteral("expected a header line"));
    const QStringList& header = rows[0].fields;
    const int vendor = csv::column(header, QStringLiteral("vendor"));
    const int server = csv::column(header, QStringLiteral("server"));
    const int run = csv::column(header, QStringLiteral("github_run_id"));
    const int apiStart = csv::column(header, QStringLiteral("api_start"));
    const int machineStart = csv::column(header, QStringLiteral("machine_start"));
    const int userDataStart = csv::column(header, QStringLiteral("user_data_start"));
    if (vendor < 0 || server < 0 || apiStart < 0 || machineStart < 0 || userDataStart < 0)
        throw InputError(formatWhere(context.fileName, 1, 1),
                         QStringLiteral("expected columns vendor, server, api_start, machine_start and user_data_start"));
    ImportResult r;
    r.warnings += cut;
    r.format = name();
    int failed = 0, inconsistent = 0;
    auto timeAt = [&](const csv::Record& row, int col) -> std::optional<double> {
        const QString cell = row.fields.value(col).trimmed();
        if (cell.isEmpty()) return std::nullopt;
        const QByteArray b = cell.toUtf8();
        const auto t = fastparse::isoDateTime(std::string_view(b.constData(), size_t(b.size())));
        if (!t) throw InputError(formatWhere(context.fileName, row.line, 0),
                                 QStringLiteral("expected an ISO 8601 time in column %1, got '%2'").arg(header.value(col), cell));
        return t;
    };
    for (size_t i = 1; i < rows.size(); ++i) {
        const csv::Record& row = rows[i];
        if (row.fields.size() == 1 && row.fields[0].trimmed().isEmpty()) continue;
        if (row.fields.size() != header.size())
            throw InputError(formatWhere(context.fileName, row.line, 1),
                             QStringLiteral("expected %1 fields as in the header, got %2").arg(header.size()).arg(row.fields.size()));
        const auto api = timeAt(row, apiStart);
        const auto machine = timeAt(row, machineStart);
        const auto userData = timeAt(row, userDataStart);
        if (!api || !machine || !userData) {
            ++failed;
            continue;
        }
        if (*machine < *api || *userData < *machine) {
            ++inconsistent;
            continue;
        }
        const QString provider = providerKeyOfVendor(row.fields[vendor]);
        const QString type = row.fields[server];
        const QString node = type + QLatin1Char('#') + (run >= 0 ? row.fields[run] : QString::number(row.line));
        const QJsonObject labels{{QStringLiteral("provider"), provider},
                                 {QStringLiteral("instance_type"), provider + QLatin1Char('/') + type}};
        LeadTimeEvent prov;
        prov.node = node;
        prov.phase = QStringLiteral("provisioning");
        prov.startedAt = *api;
        prov.durationS = *machine - *api;
        prov.labels = labels;
        r.leadTimeEvents.push_back(prov);
        LeadTimeEvent boot = prov;
        boot.phase = QStringLiteral("boot");
        boot.startedAt = *machine;
        boot.durationS = *userData - *machine;
        r.leadTimeEvents.push_back(boot);
    }
    if (failed > 0)
        r.warnings.push_back({0, 0, QString(), QStringLiteral("%1 starts without machine_start or user_data_start (failed runs) were skipped").arg(failed)});
    if (inconsistent > 0)
        r.warnings.push_back({0, 0, QString(), QStringLiteral("%1 starts with stages out of order were skipped").arg(inconsistent)});
    return r;
}

}  // namespace headroom
