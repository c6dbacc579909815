#include <QCoreApplication>
#include <gtest/gtest.h>

// Model tests need an event loop (Qt Network, QtConcurrent) but no display.
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("headroom-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
