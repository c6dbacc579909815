#pragma once
#include <QTemporaryDir>
#include <memory>

namespace headroom {
class Workspace;
}

namespace headroom::test {

// A fresh workspace file in its own temporary folder, removed with the object.
// With the shipped catalog seeded, no datasets.
class TempWorkspace {
public:
    TempWorkspace();
    ~TempWorkspace();
    Workspace& ws() { return *ws_; }
    QString path() const;
    QString dir() const { return dir_.path(); }
    void close();  // drops the connection so another process may open the file

private:
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> ws_;
};

}  // namespace headroom::test
