package com.lts.admin.api;

import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.web.ApiException;
import com.lts.core.domain.Job;
import com.lts.core.domain.MisfirePolicy;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.StoredJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Jobs and log lines to JSON, and a job's fields from the JSON of the add and edit forms. */
final class JobJson {

  static final Set<String> FIELDS =
      Set.of(
          "taskId",
          "taskTrackerNodeGroup",
          "params",
          "priority",
          "cronExpression",
          "triggerTime",
          "repeatCount",
          "repeatInterval",
          "maxRetryTimes",
          "relyOnPrevCycle",
          "misfirePolicy",
          "expectedVersion");

  private JobJson() {}

  static Map<String, Object> json(StoredJob stored) {
    Job job = stored.job();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("jobId", stored.jobId());
    json.put("kind", stored.kind().name());
    json.put("state", stored.state().name());
    json.put("jobType", job.getJobType().name());
    json.put("taskId", job.getTaskId());
    json.put("taskTrackerNodeGroup", job.getTaskTrackerNodeGroup());
    json.put("submitNodeGroup", job.getSubmitNodeGroup());
    json.put("params", job.getExtParams());
    json.put("priority", job.getPriority());
    json.put("cronExpression", job.getCronExpression());
    json.put("triggerTime", stored.triggerTime());
    json.put("repeatCount", job.getRepeatCount());
    json.put("repeatInterval", job.getRepeatInterval());
    json.put("maxRetryTimes", job.getMaxRetryTimes());
    json.put("needFeedback", job.isNeedFeedback());
    json.put("relyOnPrevCycle", job.isRelyOnPrevCycle());
    json.put("misfirePolicy", job.getMisfirePolicy().name());
    json.put("attempt", stored.attempt());
    json.put("retryTimes", stored.retryTimes());
    json.put("repeatedCount", stored.repeatedCount());
    json.put("taskTrackerIdentity", stored.taskTrackerIdentity());
    json.put("leaseDeadline", stored.leaseDeadline());
    json.put("scheduleJobId", stored.scheduleJobId());
    json.put("version", stored.version());
    json.put("createdTime", stored.createdTime());
    json.put("modifiedTime", stored.modifiedTime());
    return json;
  }

  static Map<String, Object> json(JobLogEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", entry.id());
    json.put("logTime", entry.logTime());
    json.put("attempt", entry.attempt());
    json.put("type", entry.type().name());
    json.put("level", entry.level().name());
    json.put("taskTrackerIdentity", entry.taskTrackerIdentity());
    json.put("msg", entry.msg());
    return json;
  }

  /**
   * A job from the add/edit form's JSON; every wrong field is named in one message.
   *
   * @throws ApiException 400 listing the problems
   */
  static Job job(JSONObject body, String submitNodeGroup) {
    List<String> problems = new ArrayList<>();
    for (String key : body.keySet()) {
      if (!FIELDS.contains(key)) {
        problems.add(key + ": unknown field; known: " + String.join(", ", new TreeSet<>(FIELDS)));
      }
    }
    Job job = new Job();
    job.setSubmitNodeGroup(submitNodeGroup);
    job.setTaskId(text(body, "taskId", problems));
    job.setTaskTrackerNodeGroup(text(body, "taskTrackerNodeGroup", problems));
    job.setCronExpression(text(body, "cronExpression", problems));
    Long priority = number(body, "priority", problems);
    if (priority != null) {
      job.setPriority(priority.intValue());
    }
    job.setTriggerTime(number(body, "triggerTime", problems));
    Long repeatCount = number(body, "repeatCount", problems);
    if (repeatCount != null) {
      job.setRepeatCount(repeatCount.intValue());
    }
    job.setRepeatInterval(number(body, "repeatInterval", problems));
    Long retries = number(body, "maxRetryTimes", problems);
    if (retries != null) {
      job.setMaxRetryTimes(retries.intValue());
    }
    Object rely = body.get("relyOnPrevCycle");
    if (rely != null && !(rely instanceof Boolean)) {
      problems.add("relyOnPrevCycle: must be true or false");
    } else if (rely != null) {
      job.setRelyOnPrevCycle((Boolean) rely);
    }
    String misfire = text(body, "misfirePolicy", problems);
    if (misfire != null) {
      try {
        job.setMisfirePolicy(MisfirePolicy.valueOf(misfire.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add("misfirePolicy: must be FIRE_ONCE_NOW or SKIP");
      }
    }
    Object params = body.get("params");
    if (params instanceof JSONObject map) {
      Map<String, String> ext = new LinkedHashMap<>();
      map.forEach((k, v) -> ext.put(k, v == null ? null : String.valueOf(v)));
      job.setExtParams(ext);
    } else if (params != null) {
      problems.add("params: must be an object of names to texts");
    }
    if (problems.isEmpty()) {
      problems.addAll(job.problems());
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(String.join("; ", problems));
    }
    return job;
  }

  private static String text(JSONObject body, String key, List<String> problems) {
    Object value = body.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(key + ": must be a text");
      return null;
    }
    return text.isBlank() ? null : text.trim();
  }

  private static Long number(JSONObject body, String key, List<String> problems) {
    Object value = body.get(key);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String s && s.trim().matches("-?\\d{1,18}")) {
      return Long.parseLong(s.trim());
    }
    problems.add(key + ": must be a whole number, got '" + value + "'");
    return null;
  }
}
