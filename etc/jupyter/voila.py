# The served course's Voilà settings, for `make serve`, the tests, the benchmark and Binder.
# Found through JUPYTER_CONFIG_PATH (course.serve.voila_environment, binder/start); kept out
# of the working directory, where a voila.py would shadow the voila package.
from course.voila_hooks import CourseKernelManager, keep_compiled_templates, prelaunch

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file

c.VoilaConfiguration.template = "kursus"
c.VoilaConfiguration.theme = "light"
# The address cannot change how the app is served (?template=, ?theme=).
c.VoilaConfiguration.allow_template_override = "NO"
c.VoilaConfiguration.allow_theme_override = "NO"
c.VoilaConfiguration.strip_sources = True
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.file_allowlist = []
# Sets the XSRF cookie (so a left page's kernel is shut down) and the page's Danish title.
c.VoilaConfiguration.prelaunch_hook = prelaunch
c.VoilaExporter.language_code = "da"
# Page templates are compiled once per server, not once per page view.
keep_compiled_templates()

# Pages that are gone (a closed laptop) free their kernel after 10 idle minutes, pages left
# open after 60; checked every minute.
c.VoilaConfiguration.multi_kernel_manager_class = CourseKernelManager
c.CourseKernelManager.cull_idle_timeout = 600
c.CourseKernelManager.cull_connected_timeout = 3600
c.CourseKernelManager.cull_interval = 60
