package org.ctemcycles.testing;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jira's scheduler as atlassian-scheduler documents it, for tests: jobs are scheduled cluster-wide under their id
 * (scheduling an id again replaces the job), runners are registered per node; a trigger of a RUN_ONCE_PER_CLUSTER
 * job runs it on exactly one node that has its runner (a RUN_LOCALLY job on each such node); a job without a runner
 * on any node does not run. Time does not pass by itself: a test triggers a job ({@link #trigger}).
 */
public final class TestScheduler {

    private final Map<JobId, JobConfig> jobs = new ConcurrentHashMap<>();
    private final Map<String, Map<JobRunnerKey, JobRunner>> runners = new LinkedHashMap<>();

    /** The scheduler as one node of the cluster sees it. */
    public synchronized SchedulerService node(String name) {
        Map<JobRunnerKey, JobRunner> own = runners.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        return new SchedulerService() {
            @Override
            public void registerJobRunner(JobRunnerKey key, JobRunner runner) {
                own.put(key, runner);
            }

            @Override
            public void unregisterJobRunner(JobRunnerKey key) {
                own.remove(key);
            }

            @Override
            public void scheduleJob(JobId id, JobConfig config) {
                jobs.put(id, config);
            }

            @Override
            public void unscheduleJob(JobId id) {
                jobs.remove(id);
            }
        };
    }

    public JobConfig job(JobId id) {
        return jobs.get(id);
    }

    public int jobCount() {
        return jobs.size();
    }

    public synchronized boolean hasRunner(String node, JobRunnerKey key) {
        return runners.getOrDefault(node, Map.of()).containsKey(key);
    }

    /**
     * One trigger of a scheduled job: the responses of the nodes it ran on (one for RUN_ONCE_PER_CLUSTER; none when
     * no node has the runner or the job is not scheduled).
     */
    public List<JobRunnerResponse> trigger(JobId id) {
        JobConfig config = jobs.get(id);
        if (config == null) {
            return List.of();
        }
        List<JobRunner> chosen = new ArrayList<>();
        synchronized (this) {
            for (Map<JobRunnerKey, JobRunner> node : runners.values()) {
                JobRunner runner = node.get(config.getJobRunnerKey());
                if (runner != null) {
                    chosen.add(runner);
                    if (config.getRunMode() == RunMode.RUN_ONCE_PER_CLUSTER) {
                        break;
                    }
                }
            }
        }
        List<JobRunnerResponse> responses = new ArrayList<>();
        for (JobRunner runner : chosen) {
            JobRunnerResponse response = runner.runJob(request(id, config));
            responses.add(response == null ? JobRunnerResponse.success() : response);
        }
        return responses;
    }

    private static JobRunnerRequest request(JobId id, JobConfig config) {
        Date start = new Date();
        return new JobRunnerRequest() {
            @Override
            public Date getStartTime() {
                return start;
            }

            @Override
            public JobId getJobId() {
                return id;
            }

            @Override
            public JobConfig getJobConfig() {
                return config;
            }

            @Override
            public boolean isCancellationRequested() {
                return false;
            }
        };
    }
}
