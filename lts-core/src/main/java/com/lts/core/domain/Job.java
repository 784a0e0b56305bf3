package com.lts.core.domain;

import com.lts.core.cluster.Names;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quartz.CronExpression;

/**
 * A job as a JobClient submits it. Which kind it is follows from the schedule fields that are set
 * (see {@link #getJobType()}); {@link #validate()} checks every field and names each one that is
 * wrong.
 */
public class Job {

  public static final int DEFAULT_PRIORITY = 100;
  public static final int MAX_TASK_ID_LENGTH = 64;
  public static final int MAX_CRON_LENGTH = 128;
  public static final int MAX_SUBMIT_ID_LENGTH = 64;

  /** Upper bound on the summed length of all parameter keys and values, in characters. */
  public static final int MAX_PARAMS_LENGTH = 32 * 1024;

  /** Upper bound on the number of parameters of one job. */
  public static final int MAX_PARAMS_COUNT = 256;

  /** Parameter keys with this prefix are reserved for LTS itself. */
  public static final String RESERVED_PARAM_PREFIX = "__LTS_";

  private String taskId;
  private String taskTrackerNodeGroup;
  private String submitNodeGroup;
  private Map<String, String> extParams;
  private int priority = DEFAULT_PRIORITY;
  private String cronExpression;
  private Long triggerTime;
  private int repeatCount;
  private Long repeatInterval;
  private int maxRetryTimes;
  private boolean needFeedback;
  private boolean replaceOnExist;
  private boolean relyOnPrevCycle = true;
  private MisfirePolicy misfirePolicy = MisfirePolicy.FIRE_ONCE_NOW;
  private String submitId;

  public Job() {}

  /** A copy of {@code other}, with its own parameter map. */
  public Job(Job other) {
    this.taskId = other.taskId;
    this.taskTrackerNodeGroup = other.taskTrackerNodeGroup;
    this.submitNodeGroup = other.submitNodeGroup;
    this.extParams = other.extParams == null ? null : new LinkedHashMap<>(other.extParams);
    this.priority = other.priority;
    this.cronExpression = other.cronExpression;
    this.triggerTime = other.triggerTime;
    this.repeatCount = other.repeatCount;
    this.repeatInterval = other.repeatInterval;
    this.maxRetryTimes = other.maxRetryTimes;
    this.needFeedback = other.needFeedback;
    this.replaceOnExist = other.replaceOnExist;
    this.relyOnPrevCycle = other.relyOnPrevCycle;
    this.misfirePolicy = other.misfirePolicy;
    this.submitId = other.submitId;
  }

  /** The kind of this job: cron wins over repeat, repeat over a trigger time. */
  public JobType getJobType() {
    if (isCron()) {
      return JobType.CRON;
    }
    if (isRepeatable()) {
      return JobType.REPEAT;
    }
    return triggerTime != null ? JobType.TRIGGER_TIME : JobType.REAL_TIME;
  }

  public boolean isCron() {
    return cronExpression != null && !cronExpression.isBlank();
  }

  public boolean isRepeatable() {
    return !isCron() && repeatCount != 0 && repeatInterval != null;
  }

  /**
   * Every problem with this job's fields, each starting with the field's name; empty when the job
   * is valid.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (taskId == null || taskId.isBlank()) {
      problems.add("taskId: must not be empty");
    } else if (taskId.length() > MAX_TASK_ID_LENGTH) {
      problems.add(
          "taskId: must be at most " + MAX_TASK_ID_LENGTH + " characters, got " + taskId.length());
    }
    addIfPresent(problems, Names.problem("taskTrackerNodeGroup", taskTrackerNodeGroup));
    if (submitNodeGroup != null) {
      addIfPresent(problems, Names.problem("submitNodeGroup", submitNodeGroup));
    }
    if (isCron()) {
      checkCron(problems);
    }
    if (repeatCount < -1) {
      problems.add(
          "repeatCount: must be -1 (forever), 0 (no repeat) or positive, got " + repeatCount);
    }
    if (repeatInterval != null && repeatInterval <= 0) {
      problems.add(
          "repeatInterval: must be a positive number of milliseconds, got " + repeatInterval);
    }
    if (repeatCount != 0 && repeatInterval == null && !isCron()) {
      problems.add("repeatInterval: must be set when repeatCount is " + repeatCount);
    }
    if (isCron() && repeatCount != 0) {
      problems.add("repeatCount: a job has either a cronExpression or a repeatCount, not both");
    }
    if (triggerTime != null && triggerTime < 0) {
      problems.add("triggerTime: must be epoch milliseconds >= 0, got " + triggerTime);
    }
    if (maxRetryTimes < 0) {
      problems.add("maxRetryTimes: must be >= 0, got " + maxRetryTimes);
    }
    if (misfirePolicy == null) {
      problems.add("misfirePolicy: must not be null");
    }
    if (submitId != null && (submitId.isBlank() || submitId.length() > MAX_SUBMIT_ID_LENGTH)) {
      problems.add(
          "submitId: must be 1 to " + MAX_SUBMIT_ID_LENGTH + " characters, got '" + submitId + "'");
    }
    checkParams(problems);
    return problems;
  }

  /**
   * Checks every field.
   *
   * @throws JobValidationException naming each invalid field
   */
  public void validate() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new JobValidationException(taskId, problems);
    }
  }

  private void checkCron(List<String> problems) {
    if (cronExpression.length() > MAX_CRON_LENGTH) {
      problems.add(
          "cronExpression: must be at most "
              + MAX_CRON_LENGTH
              + " characters, got "
              + cronExpression.length());
      return;
    }
    try {
      if (new CronExpression(cronExpression).getNextValidTimeAfter(new Date()) == null) {
        problems.add("cronExpression: '" + cronExpression + "' has no instant in the future");
      }
    } catch (ParseException e) {
      problems.add(
          "cronExpression: '"
              + cronExpression
              + "' is not a valid Quartz cron expression ("
              + e.getMessage()
              + "); example: '0 0/1 * * * ?' (seconds minutes hours day-of-month month day-of-week)");
    }
  }

  private void checkParams(List<String> problems) {
    if (extParams == null) {
      return;
    }
    if (extParams.size() > MAX_PARAMS_COUNT) {
      problems.add(
          "params: "
              + extParams.size()
              + " parameters, more than the limit of "
              + MAX_PARAMS_COUNT
              + "; keep large payloads elsewhere and pass a reference");
      return;
    }
    long length = 0;
    for (Map.Entry<String, String> e : extParams.entrySet()) {
      String key = e.getKey();
      if (key == null || key.isEmpty()) {
        problems.add("params: keys must not be empty");
        continue;
      }
      if (key.startsWith(RESERVED_PARAM_PREFIX)) {
        problems.add("params: key '" + key + "' uses the reserved prefix " + RESERVED_PARAM_PREFIX);
      }
      length += key.length() + (e.getValue() == null ? 0 : e.getValue().length());
    }
    if (length > MAX_PARAMS_LENGTH) {
      problems.add(
          "params: "
              + length
              + " characters in all, more than the limit of "
              + MAX_PARAMS_LENGTH
              + "; keep large payloads elsewhere and pass a reference");
    }
  }

  private static void addIfPresent(List<String> problems, String problem) {
    if (problem != null) {
      problems.add(problem);
    }
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public String getTaskTrackerNodeGroup() {
    return taskTrackerNodeGroup;
  }

  public void setTaskTrackerNodeGroup(String taskTrackerNodeGroup) {
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
  }

  public String getSubmitNodeGroup() {
    return submitNodeGroup;
  }

  public void setSubmitNodeGroup(String submitNodeGroup) {
    this.submitNodeGroup = submitNodeGroup;
  }

  public String getParam(String key) {
    return extParams == null ? null : extParams.get(key);
  }

  public void setParam(String key, String value) {
    if (extParams == null) {
      extParams = new LinkedHashMap<>();
    }
    extParams.put(key, value);
  }

  /** All parameters, read-only; never null. */
  public Map<String, String> getExtParams() {
    return extParams == null ? Map.of() : Collections.unmodifiableMap(extParams);
  }

  public void setExtParams(Map<String, String> extParams) {
    this.extParams = extParams == null ? null : new LinkedHashMap<>(extParams);
  }

  public int getPriority() {
    return priority;
  }

  /** Smaller runs first; the default is {@value #DEFAULT_PRIORITY}. */
  public void setPriority(int priority) {
    this.priority = priority;
  }

  public String getCronExpression() {
    return cronExpression;
  }

  public void setCronExpression(String cronExpression) {
    this.cronExpression = cronExpression;
  }

  public Long getTriggerTime() {
    return triggerTime;
  }

  /** When to run, in epoch milliseconds. */
  public void setTriggerTime(Long triggerTime) {
    this.triggerTime = triggerTime;
  }

  /** When to run; LTS's {@code setTriggerTime(new Date())} form. */
  public void setTriggerTime(Date triggerTime) {
    this.triggerTime = triggerTime == null ? null : triggerTime.getTime();
  }

  public void setTriggerDate(Date triggerDate) {
    setTriggerTime(triggerDate);
  }

  public int getRepeatCount() {
    return repeatCount;
  }

  /** How many times to run; -1 repeats forever. */
  public void setRepeatCount(int repeatCount) {
    this.repeatCount = repeatCount;
  }

  public Long getRepeatInterval() {
    return repeatInterval;
  }

  /** Milliseconds between two runs of a repeat job. */
  public void setRepeatInterval(Long repeatInterval) {
    this.repeatInterval = repeatInterval;
  }

  public int getMaxRetryTimes() {
    return maxRetryTimes;
  }

  public void setMaxRetryTimes(int maxRetryTimes) {
    this.maxRetryTimes = maxRetryTimes;
  }

  public boolean isNeedFeedback() {
    return needFeedback;
  }

  public void setNeedFeedback(boolean needFeedback) {
    this.needFeedback = needFeedback;
  }

  public boolean isReplaceOnExist() {
    return replaceOnExist;
  }

  public void setReplaceOnExist(boolean replaceOnExist) {
    this.replaceOnExist = replaceOnExist;
  }

  public boolean isRelyOnPrevCycle() {
    return relyOnPrevCycle;
  }

  public void setRelyOnPrevCycle(boolean relyOnPrevCycle) {
    this.relyOnPrevCycle = relyOnPrevCycle;
  }

  public MisfirePolicy getMisfirePolicy() {
    return misfirePolicy;
  }

  /**
   * What a cron or repeat schedule does about instants missed while no JobTracker could fire them;
   * the default is {@link MisfirePolicy#FIRE_ONCE_NOW}. One-time jobs ignore it.
   */
  public void setMisfirePolicy(MisfirePolicy misfirePolicy) {
    this.misfirePolicy = misfirePolicy;
  }

  /**
   * Names this submission: the JobClient gives each job one at its first submit and keeps it
   * through every re-send, so a JobTracker recognises a re-send of a job it stored already (for
   * {@code lts.submit.id.retention} after the job finished) and does not store it again. Not part
   * of {@link #equals}: it names a submission, not the job's content.
   */
  public String getSubmitId() {
    return submitId;
  }

  /**
   * Sets the submission's id (a JobClient sets one when it is null). Set your own to make your own
   * re-submits of the same job recognisable: reuse it only for the same submission.
   */
  public void setSubmitId(String submitId) {
    this.submitId = submitId;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Job job)) {
      return false;
    }
    return priority == job.priority
        && repeatCount == job.repeatCount
        && maxRetryTimes == job.maxRetryTimes
        && needFeedback == job.needFeedback
        && replaceOnExist == job.replaceOnExist
        && relyOnPrevCycle == job.relyOnPrevCycle
        && Objects.equals(taskId, job.taskId)
        && Objects.equals(taskTrackerNodeGroup, job.taskTrackerNodeGroup)
        && Objects.equals(submitNodeGroup, job.submitNodeGroup)
        && Objects.equals(getExtParams(), job.getExtParams())
        && Objects.equals(cronExpression, job.cronExpression)
        && Objects.equals(triggerTime, job.triggerTime)
        && Objects.equals(repeatInterval, job.repeatInterval)
        && misfirePolicy == job.misfirePolicy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, taskTrackerNodeGroup);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Job{taskId='")
            .append(taskId)
            .append("', taskTrackerNodeGroup='")
            .append(taskTrackerNodeGroup)
            .append("', type=")
            .append(getJobType());
    if (submitNodeGroup != null) {
      sb.append(", submitNodeGroup='").append(submitNodeGroup).append('\'');
    }
    if (priority != DEFAULT_PRIORITY) {
      sb.append(", priority=").append(priority);
    }
    if (isCron()) {
      sb.append(", cron='").append(cronExpression).append('\'');
    }
    if (triggerTime != null) {
      sb.append(", triggerTime=").append(Instant.ofEpochMilli(triggerTime));
    }
    if (repeatCount != 0) {
      sb.append(", repeatCount=")
          .append(repeatCount)
          .append(", repeatInterval=")
          .append(repeatInterval);
    }
    if (misfirePolicy != MisfirePolicy.FIRE_ONCE_NOW) {
      sb.append(", misfirePolicy=").append(misfirePolicy);
    }
    if (extParams != null && !extParams.isEmpty()) {
      sb.append(", params=").append(extParams);
    }
    return sb.append('}').toString();
  }
}
