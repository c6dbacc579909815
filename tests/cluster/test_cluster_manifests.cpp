// The Kubernetes recipe of packaging/cluster/ (no cluster here): both manifests parse as YAML and
// carry what a sharded recommendation needs: an Indexed Job whose pods pick their shard from
// JOB_COMPLETION_INDEX out of as many shards as completions, write their part to a volume that
// the merge Job reads back, with the image of the .deb.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace {

const std::string kRecipes = std::string(HEADROOM_TESTS_DIR) + "/../packaging/cluster/";

YAML::Node documentOfKind(const std::string& file, const std::string& kind)
{
    for (const YAML::Node& doc : YAML::LoadAllFromFile(kRecipes + file))
        if (doc["kind"] && doc["kind"].as<std::string>() == kind) return doc;
    ADD_FAILURE() << file << " has no " << kind;
    return {};
}

// The one shell line a container runs: `command` is a shell, `args` its script.
std::string script(const YAML::Node& container)
{
    EXPECT_EQ(container["command"][0].as<std::string>(), "/bin/sh");
    EXPECT_EQ(container["command"][1].as<std::string>(), "-c");
    return container["args"][0].as<std::string>();
}

std::string claimMountedAt(const YAML::Node& podSpec, const YAML::Node& container, const std::string& path)
{
    for (const YAML::Node& mount : container["volumeMounts"]) {
        if (mount["mountPath"].as<std::string>() != path) continue;
        for (const YAML::Node& volume : podSpec["volumes"])
            if (volume["name"].as<std::string>() == mount["name"].as<std::string>() && volume["persistentVolumeClaim"])
                return volume["persistentVolumeClaim"]["claimName"].as<std::string>();
    }
    return {};
}

TEST(ClusterManifests, ShardsAreAnIndexedJobWritingPartsToASharedVolume)
{
    const YAML::Node job = documentOfKind("headroom-shards.job.yaml", "Job");
    ASSERT_TRUE(job);
    EXPECT_EQ(job["apiVersion"].as<std::string>(), "batch/v1");
    const YAML::Node spec = job["spec"];
    EXPECT_EQ(spec["completionMode"].as<std::string>(), "Indexed");
    const int completions = spec["completions"].as<int>();
    EXPECT_GT(completions, 1);
    EXPECT_EQ(spec["parallelism"].as<int>(), completions);
    const YAML::Node pod = spec["template"]["spec"];
    EXPECT_EQ(pod["restartPolicy"].as<std::string>(), "Never");
    ASSERT_EQ(pod["containers"].size(), 1u);
    const YAML::Node container = pod["containers"][0];
    EXPECT_EQ(container["image"].as<std::string>().rfind("headroom:", 0), 0u);
    const std::string line = script(container);
    EXPECT_NE(line.find("headroom recommend /scenario/scenario.json"), std::string::npos) << line;
    EXPECT_NE(line.find("--shard \"${JOB_COMPLETION_INDEX}/${SHARDS}\""), std::string::npos) << line;
    EXPECT_NE(line.find("--out \"/parts/part-${JOB_COMPLETION_INDEX}.json\""), std::string::npos) << line;
    // The pods running at the same time share the cost bar on the same shared volume.
    EXPECT_NE(line.find("--bar-dir /parts/bars"), std::string::npos) << line;
    // As many shards as completions, or some candidates would be in no shard.
    bool shardsSet = false;
    for (const YAML::Node& env : container["env"])
        if (env["name"].as<std::string>() == "SHARDS") {
            EXPECT_EQ(std::stoi(env["value"].as<std::string>()), completions);
            shardsSet = true;
        }
    EXPECT_TRUE(shardsSet);
    // The scenario from a ConfigMap, the parts onto the claim the manifest declares, shared by all pods.
    bool scenarioFromConfigMap = false;
    for (const YAML::Node& volume : pod["volumes"])
        scenarioFromConfigMap |= volume["configMap"] && volume["configMap"]["name"].as<std::string>() == "headroom-scenario";
    EXPECT_TRUE(scenarioFromConfigMap);
    const std::string claim = claimMountedAt(pod, container, "/parts");
    const YAML::Node pvc = documentOfKind("headroom-shards.job.yaml", "PersistentVolumeClaim");
    ASSERT_TRUE(pvc);
    EXPECT_EQ(pvc["metadata"]["name"].as<std::string>(), claim);
    EXPECT_EQ(pvc["spec"]["accessModes"][0].as<std::string>(), "ReadWriteMany");
}

TEST(ClusterManifests, MergeJobReadsThePartsTheShardsWrote)
{
    const YAML::Node merge = documentOfKind("headroom-merge.job.yaml", "Job");
    const YAML::Node shards = documentOfKind("headroom-shards.job.yaml", "Job");
    ASSERT_TRUE(merge && shards);
    EXPECT_FALSE(merge["spec"]["completionMode"]);  // one pod
    const YAML::Node pod = merge["spec"]["template"]["spec"];
    const YAML::Node container = pod["containers"][0];
    EXPECT_EQ(container["image"].as<std::string>(), shards["spec"]["template"]["spec"]["containers"][0]["image"].as<std::string>());
    const std::string line = script(container);
    EXPECT_NE(line.find("headroom recommend --merge /parts/part-*.json --json"), std::string::npos) << line;
    EXPECT_EQ(claimMountedAt(pod, container, "/parts"),
              claimMountedAt(shards["spec"]["template"]["spec"], shards["spec"]["template"]["spec"]["containers"][0], "/parts"));
}

}  // namespace
