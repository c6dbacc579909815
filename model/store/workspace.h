#pragma once
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace headroom {

// One workspace file (*.headroom): an SQLite database in WAL mode with foreign keys on.
//
// Opening never damages a file it does not understand: a file that is not SQLite, is corrupt,
// has schema objects Headroom does not create (a planted trigger or view, an extra table, a
// changed column), or is newer than this program is refused (InputError) before anything
// writes to it, and no -wal/-shm file is left beside it. Every connection runs in SQLite's
// defensive mode with an untrusted schema. An older workspace is first copied
// (VACUUM INTO "<file>.v<N>.bak") and then migrated, one transaction per step.
//
// Closing checkpoints the journal into the file, so the file alone holds everything once the
// program is done with it.
class Workspace {
public:
    enum class Create { IfMissing, Never };

    static std::unique_ptr<Workspace> open(const QString& path, Create create = Create::IfMissing);
    // Closes without throwing; a failed checkpoint is kept for takeCloseFailure().
    ~Workspace();

    // Writes the journal (-wal) into the file and closes every connection. Throws
    // DatabaseFailure when the checkpoint fails (disk full): the changes then live only in the
    // -wal file beside the workspace until a later run finishes the checkpoint.
    void close();
    // The message of a checkpoint that failed in a destructor since the last call, or empty.
    // The command line turns it into a failure exit.
    static QString takeCloseFailure();

    // The connection for the calling thread (Qt SQL connections belong to one thread).
    QSqlDatabase database() const;
    QString path() const { return path_; }
    int schemaVersion() const;
    // Set when open() migrated the file; the copy of the old file.
    QString backupPath() const { return backupPath_; }
    bool createdNow() const { return createdNow_; }

    QString setting(const QString& key, const QString& fallback = {}) const;
    void setSetting(const QString& key, const QString& value);

    // The magic number written into PRAGMA application_id ("HDRM").
    static constexpr int kApplicationId = 0x4844524D;

private:
    explicit Workspace(QString path);
    // Creates a complete new workspace at `path` unless another process got there first
    // (then returns false and leaves that file alone).
    static bool createAtomically(const QString& path);
    // Removes staging files of creations that were killed half-way.
    static void removeStaleStagingFiles(const QString& path);
    QString connectionPrefix_;
    QString path_;
    QString backupPath_;
    bool createdNow_ = false;
    bool closed_ = false;
};

}  // namespace headroom
