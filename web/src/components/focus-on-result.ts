import { useEffect, type RefObject } from 'react'

/**
 * Moves the keyboard focus to `ref`'s element (the heading of a result just shown) whenever
 * `result` becomes a new value: after React has put the element on the page. Focusing a frame after
 * the state change instead lost the focus when the result took longer than a frame to render (a
 * busy machine), and a keyboard user was left at the top of the page.
 */
export function useFocusOnResult(ref: RefObject<HTMLElement | null>, result: unknown): void {
  useEffect(() => {
    if (result) ref.current?.focus()
  }, [ref, result])
}
