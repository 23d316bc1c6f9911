"""What a student does in lesson 1 in a real browser, shared by the single-user and the JupyterHub tests:
answer question 1.1 right and 1.2 wrong, type a name into the Hand in cell and run it, save.

Right and wrong answers come from the question bank, never typed here.
"""
from lessons.questions.bank import questions


def question_output(page, qid: str):
    """The output area of question ``qid``'s widget."""
    return page.locator(".jp-OutputArea-output", has_text=f"Question {qid}.").first


def wrong_choice(qid: str) -> str:
    """A letter that is not the right answer to choice question ``qid``."""
    q = questions()[qid]
    return next(letter for letter in q.options if letter != q.answer)


def answer_one_right_one_wrong(page) -> None:
    """Question 1.1 (a date) answered right and 1.2 (a choice) wrong, each checked through its widget."""
    date_box = question_output(page, "1.1")
    date_box.scroll_into_view_if_needed()
    date_box.locator("input[type=text]").fill(str(questions()["1.1"].answer))
    date_box.get_by_role("button", name="Check").click()
    date_box.locator(".lessons-feedback", has_text="Right").wait_for()
    choice_box = question_output(page, "1.2")
    choice_box.locator(f"input[type=radio][value='{wrong_choice('1.2')}']").check()
    choice_box.get_by_role("button", name="Check").click()
    choice_box.locator(".lessons-feedback", has_text="Not yet").wait_for()
    choice_box.scroll_into_view_if_needed()


def run_hand_in(page, lesson: int, name: str, idle):
    """Type ``name`` into the Hand in cell, run it, wait for its output and the kernel; return the cell."""
    cell = page.locator(".jp-CodeCell", has=page.locator(".cm-content", has_text="hand_in(")).first
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.type(f'lessons.hand_in(lesson={lesson}, name="{name}")')
    page.keyboard.press("Shift+Enter")
    cell.locator(".jp-OutputArea-output", has_text=f"Hand in, lesson {lesson}").wait_for()
    idle(page)
    cell.scroll_into_view_if_needed()
    return cell


def save(page):
    """Save the notebook with Ctrl+S; return the contents API's reply to the PUT."""
    with page.expect_response(lambda r: r.request.method == "PUT" and "/api/contents/" in r.url) as put:
        page.keyboard.press("Control+s")
    return put.value
