// English and Chinese texts; the language comes from the browser, English when it is not Chinese.
(function () {
  var TEXTS = {
    en: {
      audit: 'Audit', user: 'User', action: 'Action', target: 'Target', status: 'Status',
      auditNote: 'The latest changes made through this Admin since it started (also in its audit log file)',
      throughput: 'Jobs ended in the last {n} minutes', jobsPerSecond: 'jobs/s', completed: 'Ended', failed: 'Failed',
      loginTitle: 'Log in to the LTS console', username: 'User name', password: 'Password', login: 'Log in',
      logout: 'Log out', overview: 'Overview', nodes: 'Nodes', executable: 'Executable', executing: 'Executing',
      cron: 'Cron', repeat: 'Repeat', suspended: 'Suspended', feedback: 'Feedback', addJob: 'Add job',
      nodeGroups: 'Node groups', charts: 'Charts', problems: 'Problems', noProblems: 'Nothing needs attention',
      queueDepths: 'Queue depths per group', nodesPerGroup: 'Nodes per type and group', group: 'Group',
      type: 'Type', count: 'Count', identity: 'Identity', address: 'Address', host: 'Host', threads: 'Threads',
      started: 'Started', version: 'Version', live: 'live: joins and leaves appear as they happen',
      taskId: 'Task id', submitGroup: 'Submit group', from: 'Trigger from', to: 'Trigger to', search: 'Search',
      reset: 'Reset', jobId: 'Job id', state: 'State', jobType: 'Kind', triggerTime: 'Trigger time',
      schedule: 'Schedule', priority: 'Priority', actions: 'Actions', suspend: 'Suspend', resume: 'Resume',
      trigger: 'Trigger now', delete: 'Delete', edit: 'Edit', nextPage: 'Next page', firstPage: 'First page',
      noRows: 'No jobs match', job: 'Job', log: 'Log', tail: 'live tail', time: 'Time', attempt: 'Attempt',
      level: 'Level', event: 'Event', node: 'Node', message: 'Message', confirmDelete: 'Delete this job?', terminate: 'Terminate',
      alertRules: 'Alerts', rule: 'Rule', 'default': 'Default', stored: 'Stored value', changed: 'Changed',
      configured: 'as configured', alertRulesNote: 'A stored value replaces the JobTrackers\' configured one at the master\'s next check; Reset goes back to it. Where alerts go (webhook, mail) is configured on the JobTrackers.',
      deadLetters: 'Dead letters', retry: 'Retry', action: 'Last action', retries: 'Retries', deadTime: 'Died',
      deadLettersNote: 'Jobs whose retries were used up. Retry submits a job again (a schedule runs once more); they are kept for lts.dead.job.retention.',
      confirmTerminate: 'Stop this run? It ends as failed and is not retried.',
      save: 'Save', add: 'Add', params: 'Params (JSON object)', cronExpression: 'Cron expression',
      repeatCount: 'Repeat count (-1 forever)', repeatInterval: 'Repeat interval (ms)',
      maxRetryTimes: 'Max retries', relyOnPrevCycle: 'Rely on previous cycle', misfirePolicy: 'Misfire policy',
      realTime: 'Real-time', triggerAt: 'At a time', name: 'Name', created: 'Created', chooseNode: 'Node',
      noStats: 'No figures reported by this node in the last hour', done: 'Done', waiting: 'waiting',
      jobClientGroup: 'JobClient group', openapi: 'REST API (OpenAPI)', confirmGroup: 'Remove this node group?',
      fields: 'Fields', back: 'Back', master: 'master', jobGone: 'This job is no longer stored: it finished or was deleted. Its log stays until pruned.', mastersNote: 'The master of each type and group is marked'
    },
    zh: {
      audit: '操作审计', user: '用户', action: '操作', target: '对象', status: '结果',
      auditNote: '本 Admin 启动以来通过它所做的最近变更（也写入审计日志文件）',
      throughput: '最近 {n} 分钟结束的任务', jobsPerSecond: '任务/秒', completed: '结束', failed: '失败',
      loginTitle: '登录 LTS 控制台', username: '用户名', password: '密码', login: '登录', logout: '退出',
      overview: '概览', nodes: '节点管理', executable: '等待执行', executing: '正在执行', cron: 'Cron 任务',
      repeat: 'Repeat 任务', suspended: '暂停任务', feedback: '反馈队列', addJob: '添加任务', nodeGroups: '节点组',
      charts: '监控图表', problems: '需要关注', noProblems: '一切正常', queueDepths: '各组队列长度',
      nodesPerGroup: '各类型与组的节点数', group: '节点组', type: '类型', count: '数量', identity: '标识',
      address: '地址', host: '主机', threads: '线程', started: '启动时间', version: '版本',
      live: '实时：节点上下线即时显示', taskId: '任务ID', submitGroup: '提交节点组', from: '触发时间从',
      to: '触发时间到', search: '查询', reset: '重置', jobId: 'Job ID', state: '状态', jobType: '类别',
      triggerTime: '触发时间', schedule: '调度', priority: '优先级', actions: '操作', suspend: '暂停',
      resume: '恢复', trigger: '立即执行', delete: '删除', edit: '编辑', nextPage: '下一页', firstPage: '第一页',
      noRows: '没有匹配的任务', job: '任务', log: '日志', tail: '实时跟踪', time: '时间', attempt: '尝试',
      level: '级别', event: '事件', node: '节点', message: '内容', confirmDelete: '确定删除该任务？', terminate: '终止',
      alertRules: '预警', rule: '规则', 'default': '默认值', stored: '保存的值', changed: '修改',
      configured: '按配置', alertRulesNote: '保存的值在主 JobTracker 下次检查时取代其配置值；重置则恢复配置值。预警发送到哪里（webhook、邮件）在 JobTracker 上配置。',
      deadLetters: '死信', retry: '重试', action: '最后结果', retries: '重试次数', deadTime: '死亡时间',
      deadLettersNote: '重试次数已用尽的任务。重试会重新提交任务（周期任务则立即多执行一次）；保留时间见 lts.dead.job.retention。',
      confirmTerminate: '确定终止本次执行？它将记为失败且不重试。', save: '保存',
      add: '添加', params: '参数（JSON 对象）', cronExpression: 'Cron 表达式', repeatCount: '重复次数（-1 无限）',
      repeatInterval: '重复间隔（毫秒）', maxRetryTimes: '最大重试次数', relyOnPrevCycle: '依赖上一周期',
      misfirePolicy: '错过触发策略', realTime: '实时', triggerAt: '定时', name: '名称', created: '创建时间',
      chooseNode: '节点', noStats: '该节点最近一小时没有上报数据', done: '完成', waiting: '等待',
      jobClientGroup: 'JobClient 节点组', openapi: 'REST 接口（OpenAPI）', confirmGroup: '确定删除该节点组？',
      fields: '字段', back: '返回', master: 'master', jobGone: '该任务已不在队列中：已完成或已删除。日志保留到清理为止。', mastersNote: '每个类型与组的 master 已标出'
    }
  };
  // The browser's first preferred language (its Accept-Language list), else its UI language.
  var preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  var lang = preferred.toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
  window.LTS_LANG = lang;
  window.t = function (key) { return (TEXTS[lang] && TEXTS[lang][key]) || TEXTS.en[key] || key; };
  window.translatePage = function (root) {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    (root || document).querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = window.t(el.getAttribute('data-i18n'));
    });
  };
})();
