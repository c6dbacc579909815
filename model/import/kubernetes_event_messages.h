#pragma once
#include <QString>
#include <optional>

namespace headroom::k8s {

// Go time.Duration text as kubelet prints it: "1.252108014s", "971.998511ms", "1m2.5s",
// "500µs", "2h0m0s". Seconds, or nullopt.
std::optional<double> goDuration(const QString& text);

// kubectl's rounded ages: "49m", "5m53s", "87s", "2d3h", "3y45d". Seconds, or nullopt.
std::optional<double> kubectlAge(const QString& text);

// What a kubelet "Pulled" message says, in every style seen across kubelet versions:
//   Successfully pulled image "x"                                     (old, no duration)
//   Successfully pulled image "x" in 1.252108014s                     (about 1.22+)
//   … in 1.25s (3.29s including waiting)                              (about 1.28+)
//   … in 2.703s (2.703s including waiting). Image size: 2355194 bytes. (newest)
//   Container image "x" already present on machine                    (cached)
struct PullMessage {
    QString image;
    bool cached = false;
    std::optional<double> durationS;
    std::optional<double> includingWaitingS;
    std::optional<qint64> imageBytes;
};
std::optional<PullMessage> parsePullMessage(const QString& message);

// "(x4 over 6m38s)" in an age column: the repeat count and the span in seconds.
struct Repeat {
    int count = 1;
    double overS = 0;
};
std::optional<Repeat> parseRepeat(const QString& text);

}  // namespace headroom::k8s
